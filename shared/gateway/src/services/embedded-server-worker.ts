/**
 * The worker thread of one embedded service backend: loads `dynalite` or `kinesalite`, listens on a free port
 * of 127.0.0.1 and reports the port to the gateway. Started by `startEmbeddedServer`.
 * @module
 */
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import type { EmbeddedServerInit, EmbeddedServerReady } from './embedded-server.js';

const require = createRequire(import.meta.url);
const init = workerData as EmbeddedServerInit;
const create = require(init.name) as (options: Record<string, unknown>) => Server;
const server = create(init.options);
server.listen(0, '127.0.0.1', () => {
  const ready: EmbeddedServerReady = { port: (server.address() as AddressInfo).port };
  parentPort!.postMessage(ready);
});
