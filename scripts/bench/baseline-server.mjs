// The baseline: a bare node:http server that answers each benchmarked path with the same status, headers
// and body the gateway sent for it (given in BASELINE_RESPONSES as {path: {status, headers, body}}), with
// fresh request IDs. The ratio to it measures what the gateway costs on top of Node itself.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const responses = JSON.parse(process.env.BASELINE_RESPONSES ?? '{}');

const server = createServer((req, res) => {
  const known = responses[req.url];
  if (!known) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(known.status, { ...known.headers, 'x-amzn-RequestId': randomUUID() });
  res.end(known.body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ ready: true, url: `http://127.0.0.1:${server.address().port}` })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
