// What a `pnpm bench` run measures, and for how long: the environment variables it reads, with their defaults.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The gateway measured; BENCH_CLI names another build of it, e.g. of an earlier commit, to compare. */
export const CLI = process.env.BENCH_CLI ?? join(root, 'shared/gateway/dist/cli.js');
export const DURATION = Number(process.env.BENCH_DURATION ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Alternating baseline/gateway runs per path; the ratio reported is their median, with the spread. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Only the paths whose name matches this regular expression (all by default). */
export const PATHS = new RegExp(process.env.BENCH_PATHS ?? '.');
/** BENCH_TIMINGS=0 measures the request paths only (no start-up, watch-mode or exercise timings). */
export const TIMINGS = process.env.BENCH_TIMINGS !== '0';
/** BENCH_TESTS=0 skips timing the chapters' and the workspace's `pnpm test`. */
export const TESTS = process.env.BENCH_TESTS !== '0';
/** BENCH_PEER=0 skips the peer, serverless-offline on the same handler. */
export const PEER = process.env.BENCH_PEER !== '0';
