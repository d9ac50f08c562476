import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The npm packages the gateway runs in memory as service backends. */
export type EmbeddedServerPackage = 'dynalite' | 'kinesalite';

/** A service backend running in memory, in a worker thread of the gateway's process. */
export interface EmbeddedServer {
  /** The package serving, e.g. `dynalite`. */
  readonly name: EmbeddedServerPackage;
  /** Its base URL on 127.0.0.1, e.g. `http://127.0.0.1:41234/`. */
  readonly url: URL;
  /** A promise settled when the server stops: closed, or crashed (with the reason). */
  readonly stopped: Promise<string>;
  /** Stops it; everything it held is gone. */
  close(): Promise<void>;
}

/** What the worker is started with. */
export interface EmbeddedServerInit {
  readonly name: EmbeddedServerPackage;
  /** The options of the package's server factory. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** What the worker reports once it listens. */
export interface EmbeddedServerReady {
  readonly port: number;
}

/** The option names the two packages take for the time a table or stream stays in its transient states. */
const INSTANT: Record<EmbeddedServerPackage, Record<string, number>> = {
  dynalite: { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 },
  kinesalite: { createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0 },
};

const WORKER_URL = resolveWorkerUrl();

function resolveWorkerUrl(): URL {
  const beside = new URL('./embedded-server-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  // Running from the TypeScript sources (tests): use the compiled worker.
  return new URL('../../dist/services/embedded-server-worker.js', import.meta.url);
}

/**
 * Starts `dynalite` (DynamoDB) or `kinesalite` (Kinesis) in memory on a free port of 127.0.0.1, in a worker
 * thread of its own. Both speak the service's real JSON protocol over HTTP, so the gateway calls them exactly
 * as it would call AWS. Their on-disk LevelDB stores are never used: tables, items, streams and records last
 * as long as the server. Tables and streams become `ACTIVE` at once instead of after half a second.
 *
 * The thread keeps the backend's work off the gateway's event loop, and keeps a failure inside the backend
 * (both packages throw from their callbacks on an internal error) from taking the gateway down: the thread
 * dies, `stopped` settles with the reason, and the caller may start a fresh one.
 * @throws Error when the package cannot be loaded or cannot listen
 * @see https://github.com/architect/dynalite
 * @see https://github.com/mhart/kinesalite
 */
export function startEmbeddedServer(name: EmbeddedServerPackage): Promise<EmbeddedServer> {
  const init: EmbeddedServerInit = { name, options: INSTANT[name] };
  const worker = new Worker(WORKER_URL, { workerData: init });
  // A gateway that is never closed must not be kept alive by its backends.
  worker.unref();
  let closing = false;
  const stopped = new Promise<string>((resolve) => {
    worker.once('error', (error) => resolve(`${error.name}: ${error.message}`));
    worker.once('exit', (code) => resolve(closing ? 'closed' : `its thread exited with code ${code}`));
  });
  return new Promise((resolve, reject) => {
    worker.once('message', ({ port }: EmbeddedServerReady) => {
      resolve({
        name,
        url: new URL(`http://127.0.0.1:${port}/`),
        stopped,
        async close() {
          closing = true;
          await worker.terminate();
        },
      });
    });
    stopped.then((reason) => reject(new Error(`${name} did not start: ${reason}`)));
  });
}
