// The baseline: a bare node:http server sending the same bytes the gateway sends for each benchmarked
// path, so the ratio measures what the gateway costs on top of Node itself.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Headers':
    'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
};
const GET_BODY = JSON.stringify({ state: 'ok' });

const server = createServer((req, res) => {
  const ids = { 'x-amzn-RequestId': randomUUID(), 'x-amz-apigw-id': 'eFO4aEnZIAMFkYw=' };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...ids, ...PREFLIGHT_HEADERS });
    res.end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(GET_BODY),
    'Access-Control-Allow-Origin': '*',
    ...ids,
  });
  res.end(GET_BODY);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ ready: true, url: `http://127.0.0.1:${server.address().port}/` })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
