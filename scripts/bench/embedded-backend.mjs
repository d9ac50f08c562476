// One embedded service backend, started the way the gateway starts it (`startEmbeddedServer`: dynalite or
// kinesalite in a worker thread of this process), with the table or stream the benchmark writes to. Prints
// a JSON ready line with its URL, then serves until SIGTERM. BENCH_BACKEND names the backend, BENCH_ROOT the
// repository.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BACKEND_REQUESTS } from './backend-requests.mjs';

const name = process.env.BENCH_BACKEND;
const { startEmbeddedServer } = await import(
  pathToFileURL(join(process.env.BENCH_ROOT, 'shared/gateway/dist/services/embedded-server.js')).href
);
const server = await startEmbeddedServer(name);
const { create } = BACKEND_REQUESTS[name];
const created = await fetch(server.url, { method: 'POST', ...create });
if (created.status !== 200) throw new Error(`${name}: preparing answered ${created.status}`);
// Tables and streams are ACTIVE at once in the embedded backends, but the answer comes first.
await new Promise((resolve) => setTimeout(resolve, 100));
process.stdout.write(`${JSON.stringify({ ready: true, url: server.url.href.replace(/\/$/, '') })}\n`);
// The gateway does not let its backends keep it alive; this process is only the backend.
const alive = setInterval(() => {}, 60_000);
process.on('SIGTERM', () => {
  clearInterval(alive);
  void server.close().then(() => process.exit(0));
});
