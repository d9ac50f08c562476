// The request paths `pnpm bench` measures, each served by one chapter's gateway.

const preflight = (origin) => ({ origin, 'access-control-request-method': 'GET' });

/**
 * Every benchmarked path: the chapter serving it, the request (with its body, if any), and the target ratio
 * to the baseline.
 */
export const SCENARIOS = [
  { name: 'REST preflight (MOCK)', chapter: '01-rest-proxy', method: 'OPTIONS', path: '', target: 0.9 },
  { name: 'REST proxy GET (Lambda)', chapter: '01-rest-proxy', method: 'GET', path: '', target: 0.5 },
  {
    name: 'REST multi-origin preflight (VTL)',
    chapter: '01-rest-proxy',
    method: 'OPTIONS',
    path: 'greeting',
    headers: preflight('http://localhost:5173'),
    target: 0.6,
  },
  {
    name: 'REST custom-integration GET (VTL + Lambda)',
    chapter: '02-rest-custom-vtl',
    method: 'GET',
    path: '',
    target: 0.5,
  },
  {
    name: 'HTTP API preflight',
    chapter: '03-http-api',
    method: 'OPTIONS',
    path: '',
    headers: preflight('https://app.example.com'),
    target: 0.9,
  },
  {
    name: 'HTTP API GET (Lambda)',
    chapter: '03-http-api',
    method: 'GET',
    path: '',
    headers: { origin: 'https://app.example.com' },
    target: 0.5,
  },
  {
    name: 'REST service-integration POST (DynamoDB)',
    chapter: '04-service-integrations',
    method: 'POST',
    path: 'items',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
    body: '{"id":"bench","text":"written by the benchmark"}',
    // A second HTTP round trip, to the embedded DynamoDB, and its work, against a canned answer.
    target: 0.3,
  },
  {
    name: 'HTTP API service-integration POST (Kinesis)',
    chapter: '04-service-integrations',
    method: 'POST',
    path: 'events',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
    body: '{"itemId":"bench","text":"written by the benchmark"}',
    // A second HTTP round trip, to the embedded Kinesis, and its work, against a canned answer.
    target: 0.3,
  },
];
