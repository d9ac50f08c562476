import {
  type FuzzTargets,
  hostileRequest,
  problemWith,
  type Random,
  sendHostile,
} from './hostile-requests.js';

/** The outcome of a fuzz run. */
export interface FuzzReport {
  readonly requests: number;
  /** How many answers had each status (`closed` when the connection closed without one). */
  readonly statuses: Readonly<Record<string, number>>;
  /** Answers that were not well-formed HTTP responses, with the request that got them. */
  readonly problems: readonly string[];
  readonly durationMs: number;
}

/**
 * Sends `count` hostile requests, `concurrency` at a time, each on its own connection, and checks every
 * answer; stops early when `deadline` (epoch milliseconds) passes.
 */
export async function runFuzz(
  random: Random,
  targets: FuzzTargets,
  options: { count: number; concurrency: number; deadline?: number },
): Promise<FuzzReport> {
  const started = Date.now();
  const statuses: Record<string, number> = {};
  const problems: string[] = [];
  let sent = 0;
  const worker = async () => {
    while (sent < options.count && (options.deadline === undefined || Date.now() < options.deadline)) {
      sent++;
      const request = hostileRequest(random, targets);
      const answer = await sendHostile(request);
      const key = answer.status === undefined ? 'closed' : String(answer.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
      const problem = problemWith(answer);
      if (process.env.FUZZ_DEBUG && answer.status === undefined)
        console.log('CLOSED', JSON.stringify(request.bytes.toString('latin1').slice(0, 400)));
      if (problem)
        problems.push(`${problem} for ${request.label}: ${request.bytes.toString('latin1').slice(0, 160)}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { requests: sent, statuses, problems, durationMs: Date.now() - started };
}
