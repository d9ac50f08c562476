// The least a Lambda path can do with the gateway's isolation: a bare node:http server that hands each
// request, as a small JSON event, to a worker thread, which parses it and returns a proxy result the server
// writes, one invocation at a time per thread. No event format, no headers checked, no logs: what is left
// is the hop itself. BENCH_HOP_THREADS is how many threads (the gateway's default is up to 8 per function).
// Prints a JSON ready line with its URL, then serves until SIGTERM.
import { createServer } from 'node:http';
import { Worker } from 'node:worker_threads';

const THREADS = Number(process.env.BENCH_HOP_THREADS ?? 1);
const HANDLER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, event }) => {
  const { path } = JSON.parse(event);
  const result = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path }) };
  parentPort.postMessage({ id, payload: JSON.stringify(result) });
});`;

const idle = [];
const waiting = [];
const pending = new Map();
let nextId = 0;
for (let i = 0; i < THREADS; i++) {
  const worker = new Worker(HANDLER, { eval: true });
  worker.on('message', ({ id, payload }) => {
    const settle = pending.get(id);
    pending.delete(id);
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
    settle(payload);
  });
  idle.push(worker);
}

const acquire = () =>
  idle.length > 0 ? Promise.resolve(idle.pop()) : new Promise((resolve) => waiting.push(resolve));

const server = createServer(async (req, res) => {
  const worker = await acquire();
  const id = nextId++;
  const payload = await new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ id, event: JSON.stringify({ path: req.url, headers: req.headers }) });
  });
  const result = JSON.parse(payload);
  res.writeHead(result.statusCode, result.headers);
  res.end(result.body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ ready: true, url: `http://127.0.0.1:${server.address().port}` })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
