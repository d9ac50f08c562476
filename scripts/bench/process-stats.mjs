// What a server process costs while it serves one path: its CPU time (all its threads: the event loop,
// Lambda environments, embedded service backends, the garbage collector) and its peak memory.
import { readFileSync, writeFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Node runs on

/** CPU time a process used so far, user and system, in milliseconds (Linux `/proc/<pid>/stat`). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * Resets a process's peak resident set size to its current one (`/proc/<pid>/clear_refs`), so that the next
 * `peakRss` is the peak of what ran in between; false when the kernel does not allow it.
 */
export function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak resident set size of a process (VmHWM), read once the load is over. */
export function peakRss(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}
