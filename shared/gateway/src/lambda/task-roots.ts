import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where every gateway process keeps its copies of function code, one folder per runtime. */
export const TASK_ROOTS_BASE = join(tmpdir(), 'cors-gateway-task-roots');

/** Folders of live runtimes, removed when the process exits however it exits (short of a kill). */
const live = new Set<string>();
let exitHookInstalled = false;

function removeLiveFolders(): void {
  for (const folder of live) rmSync(folder, { recursive: true, force: true });
  live.clear();
}

/**
 * The copies of function code one Lambda runtime makes (Lambda's `/var/task`), all inside one folder named
 * after the process (`<pid>-<id>`), so that whatever a crash leaves behind is found and removed by the next
 * gateway that starts ({@link sweepLeftoverTaskRoots}).
 */
export class TaskRoots {
  /** The folder holding this runtime's copies. */
  readonly folder: string;
  #created = false;

  /** @param base - where the per-process folders live @default TASK_ROOTS_BASE */
  constructor(base: string = TASK_ROOTS_BASE) {
    this.folder = join(base, `${process.pid}-${randomUUID().slice(0, 8)}`);
  }

  /** Copies `codeDir` into a fresh folder for the function `logicalId` and returns its path. */
  copy(logicalId: string, codeDir: string): string {
    if (!this.#created) {
      mkdirSync(this.folder, { recursive: true });
      live.add(this.folder);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once('exit', removeLiveFolders);
      }
      this.#created = true;
    }
    const root = mkdtempSync(join(this.folder, `${logicalId}-`));
    cpSync(codeDir, root, { recursive: true });
    return root;
  }

  /** Removes every copy. */
  remove(): void {
    if (!this.#created) return;
    rmSync(this.folder, { recursive: true, force: true });
    live.delete(this.folder);
    this.#created = false;
  }
}

/** Whether a process with this ID is running. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the task roots left behind by gateway processes that are no longer running (killed, crashed);
 * those of running gateways are kept.
 * @returns the folders removed
 */
export function sweepLeftoverTaskRoots(
  base: string = TASK_ROOTS_BASE,
  isAlive: (pid: number) => boolean = isProcessAlive,
): string[] {
  let entries: string[];
  try {
    entries = readdirSync(base);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const pid = Number(/^(\d+)-/.exec(entry)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    const folder = join(base, entry);
    rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}
