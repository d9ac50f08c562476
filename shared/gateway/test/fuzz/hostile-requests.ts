import { connect } from 'node:net';

/** A source of numbers in [0, 1). */
export type Random = () => number;

/** A seeded generator (mulberry32), so a failing run can be replayed with its seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where the fuzzed APIs listen. */
export interface FuzzTargets {
  /** The REST API's port and stage, e.g. `prod`. */
  readonly rest: { readonly port: number; readonly stage: string };
  /** The HTTP API's port (its `$default` stage). */
  readonly http: { readonly port: number };
}

/** One hostile request: the raw bytes sent on a fresh connection. */
export interface HostileRequest {
  readonly port: number;
  readonly bytes: Buffer;
  /** What was tried, for the report. */
  readonly label: string;
}

/** What came back. */
export interface RawAnswer {
  /** The status of the first response, when one came. */
  readonly status: number | undefined;
  /** The head of the first response. */
  readonly head: string;
  /** The connection neither answered nor closed in time. */
  readonly timedOut: boolean;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (random: Random, p: number) => random() < p;

const PIECES = [
  'a',
  'Z',
  '0',
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\0',
  '\x7f',
  '\x01',
  'é',
  '€',
  '😀',
  '%',
  '%0d%0a',
  '"',
  "'",
  '\\',
  '$',
  '#',
  '#set($x = 1)',
  '${',
  '}',
  '$input.body',
  '$context.requestId',
  ':',
  ';',
  ',',
  '=',
  '&',
  '?',
  '/',
  '..',
  '<script>',
  'Set-Cookie: a=1',
  'HTTP/1.1 200 OK',
  '\ud800',
  'null',
  '{',
  '[',
];

/** Text made of pieces hostile to headers, templates and parsers. */
export function hostileText(random: Random, maxPieces = 8): string {
  let text = '';
  const count = Math.floor(random() * (maxPieces + 1));
  for (let i = 0; i < count; i++) text += pick(random, PIECES);
  return text;
}

/** `text` percent-encoded as a query value, or sometimes left raw or broken. */
function queryValue(random: Random, text: string): string {
  if (chance(random, 0.1)) return '%zz%';
  const utf8 = Buffer.from(text, 'utf8');
  let out = '';
  for (const byte of utf8) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9._~-]/.test(char) ? char : `%${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

const TOKEN_NAMES = [
  'X-Value',
  'x-echo',
  'Content-Type',
  'Set-Cookie',
  'Server',
  'Connection',
  'Content-Length',
  'Transfer-Encoding',
  'Trailer',
  'Upgrade',
  'Date',
  'Keep-Alive',
  'WWW-Authenticate',
  'Location',
];

function headerName(random: Random): string {
  return chance(random, 0.6) ? pick(random, TOKEN_NAMES) : hostileText(random, 3) || 'X-Empty';
}

const MODES = ['throw', 'reject-late', 'throw-late', 'exit', 'big', 'hang', 'raw'];

function restPath(random: Random, stage: string): string {
  const tail = queryValue(random, hostileText(random, 3));
  // Mostly the integrations; sometimes a route or a stage that does not exist.
  return pick(random, [
    `/${stage}/mock`,
    `/${stage}/mock`,
    `/${stage}/trailer`,
    `/${stage}/proxy/${tail || 'x'}`,
    `/${stage}/proxy/${tail || 'x'}`,
    `/${stage}/proxy/${tail || 'x'}`,
    `/${stage}/custom`,
    `/${stage}/custom`,
    `/${stage}/items`,
    `/${stage}/${tail}`,
    `/other/${tail}`,
  ]);
}

function httpPath(random: Random): string {
  const tail = queryValue(random, hostileText(random, 3)) || 'x';
  return pick(random, [
    `/v1/${tail}`,
    `/v1/${tail}`,
    `/v2/${tail}`,
    `/v2/${tail}`,
    `/v2/${tail}`,
    `/${tail}`,
  ]);
}

function query(random: Random): string {
  const params: string[] = [];
  if (chance(random, 0.7)) params.push(`v=${queryValue(random, hostileText(random))}`);
  if (chance(random, 0.3))
    params.push(`s=${pick(random, ['200', '201', '101', '99', '600', 'abc', '302', '599', ''])}`);
  if (chance(random, 0.5)) params.push(`name=${queryValue(random, headerName(random))}`);
  if (chance(random, 0.6)) params.push(`value=${queryValue(random, hostileText(random))}`);
  if (chance(random, 0.3))
    params.push(`status=${pick(random, ['200', '101', '100', '600', '0', 'x', '204', '304'])}`);
  // The slow and heavy modes are rare, so the run stays bounded in time and memory.
  if (chance(random, 0.12)) params.push(`mode=${pick(random, MODES)}`);
  if (chance(random, 0.0015)) params.push('mode=oom');
  return params.length > 0 ? `?${params.join('&')}` : '';
}

/** A request built to break something: a header, a template, the parser, a quota or the function. */
export function hostileRequest(random: Random, targets: FuzzTargets): HostileRequest {
  const rest = chance(random, 0.6);
  const port = rest ? targets.rest.port : targets.http.port;
  const method = chance(random, 0.9)
    ? pick(random, ['GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])
    : pick(random, ['BREW', 'G E T', 'GET\x00', '']);
  let target = `${rest ? restPath(random, targets.rest.stage) : httpPath(random)}${query(random)}`;
  const labels: string[] = [rest ? 'rest' : 'http'];
  const headers: string[] = ['Host: 127.0.0.1', 'Connection: close'];
  let version = 'HTTP/1.1';
  let body = Buffer.alloc(0);

  if (chance(random, 0.05)) {
    target = `http://127.0.0.1:${port}${target}`;
    labels.push('absolute-form');
  }
  if (chance(random, 0.03)) {
    headers.push('Host: elsewhere');
    labels.push('two-hosts');
  }
  if (chance(random, 0.02)) {
    target += `&pad=${'p'.repeat(pick(random, [10_300, 20_000]))}`;
    labels.push('long-url');
  }
  if (chance(random, 0.02)) {
    headers.push(`X-Fill: ${'f'.repeat(pick(random, [10_300, 30_000]))}`);
    labels.push('big-head');
  }
  if (chance(random, 0.15)) {
    // Not the framing headers: a request that announces a body it never sends only waits for its timeout.
    const name = headerName(random).replace(/^(content-length|transfer-encoding)$/i, 'X-Framing');
    headers.push(`${name}: ${hostileText(random).replace(/\r|\n/g, '')}`);
    labels.push('odd-header');
  }
  if (chance(random, 0.03)) {
    headers.push(`X-Raw: ${hostileText(random)}`);
    labels.push('raw-header');
  }
  if (chance(random, 0.05)) {
    version = pick(random, ['HTTP/1.0', 'HTTP/2.0', 'HTTP/9', 'http/1.1']);
    labels.push('version');
  }
  if (chance(random, 0.02)) headers.splice(0, 1);
  if (chance(random, 0.2)) {
    body = Buffer.from(hostileText(random, 40), 'utf8');
    headers.push(
      `Content-Type: ${pick(random, ['application/json', 'text/plain', 'application/octet-stream', hostileText(random, 2).replace(/\r|\n/g, '')])}`,
    );
    if (chance(random, 0.3)) {
      headers.push('Transfer-Encoding: chunked');
      body = Buffer.concat([
        Buffer.from(`${body.length.toString(16)}\r\n`),
        body,
        Buffer.from('\r\n0\r\n\r\n'),
      ]);
      labels.push('chunked');
    } else {
      headers.push(`Content-Length: ${body.length}`);
    }
  }
  if (chance(random, 0.01)) {
    headers.push(`Content-Length: ${11 * 1024 * 1024}`, 'Expect: 100-continue');
    body = Buffer.from('the start of a body over the quota');
    labels.push('over-quota');
  }
  const head = `${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n`;
  let bytes = Buffer.concat([Buffer.from(head, 'latin1'), body]);
  if (chance(random, 0.02)) {
    bytes = Buffer.from(`${hostileText(random, 20) || 'x'}\r\n\r\n`, 'latin1');
    labels.push('garbage');
  }
  return { port, bytes, label: labels.join('+') };
}

/** Sends one hostile request on a fresh connection and reads the first response's head. */
export function sendHostile(request: HostileRequest, timeoutMs = 15_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let received = '';
    let settled = false;
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const end = received.indexOf('\r\n\r\n');
      const head = end === -1 ? received : received.slice(0, end);
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({ status: match ? Number(match[1]) : undefined, head, timedOut });
    };
    const socket = connect(request.port, '127.0.0.1', () => socket.write(request.bytes));
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('data', (chunk) => {
      if (received.length < 64 * 1024) received += chunk.toString('latin1');
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}

/** What is wrong with an answer, or `undefined` when it is a well-formed HTTP response. */
export function problemWith(answer: RawAnswer): string | undefined {
  if (answer.timedOut) return 'no answer in time';
  if (answer.status === undefined) {
    return answer.head === ''
      ? 'closed without an answer'
      : `not an HTTP response: ${answer.head.slice(0, 80)}`;
  }
  if (answer.status < 200 || answer.status > 599) {
    return answer.status === 100 ? undefined : `status ${answer.status}`;
  }
  const head = answer.head.toLowerCase();
  if (head.includes('\r\ntransfer-encoding:') && head.includes('\r\ncontent-length:')) {
    return 'both Transfer-Encoding and Content-Length';
  }
  return undefined;
}
