/** Headers that describe one connection, not the message: never passed on by a proxy. */
export const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
  'host',
]);

/** What the gateway tells a backend about the client, as a load balancer would. */
export interface ForwardedFor {
  /** The client's address. */
  readonly sourceIp: string;
  /** The port the client connected to. */
  readonly port: string;
  /** The X-Ray trace header value. */
  readonly traceId: string;
}

/**
 * The headers an `HTTP_PROXY` integration sends: the client's, in its case and order, without the
 * hop-by-hop ones and `Host` (the backend's own host is sent), then `X-Amzn-Trace-Id`, and
 * `X-Forwarded-For` (the client's address appended to any it sent), `X-Forwarded-Port` and
 * `X-Forwarded-Proto`, as recorded on AWS.
 */
export function proxiedRequestHeaders(
  rawHeaders: readonly string[],
  forwarded: ForwardedFor,
): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  let forwardedFor: string | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || lower.startsWith('x-forwarded-') || lower === 'x-amzn-trace-id') {
      if (lower === 'x-forwarded-for') forwardedFor = rawHeaders[i + 1];
      continue;
    }
    headers.push([name, rawHeaders[i + 1]!]);
  }
  headers.push(
    ['X-Amzn-Trace-Id', forwarded.traceId],
    ['X-Forwarded-For', forwardedFor ? `${forwardedFor}, ${forwarded.sourceIp}` : forwarded.sourceIp],
    ['X-Forwarded-Port', forwarded.port],
    ['X-Forwarded-Proto', 'http'],
  );
  return headers;
}

/**
 * Replaces the values of headers named like `replacements` (any case) in `headers`, adds the others, and
 * removes those `removals` names (lower case).
 */
export function withHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
  replacements: ReadonlyArray<readonly [string, string]>,
  removals: ReadonlySet<string> = new Set(),
): Array<[string, string]> {
  const replaced = new Set(replacements.map(([name]) => name.toLowerCase()));
  const out: Array<[string, string]> = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (!replaced.has(lower) && !removals.has(lower)) out.push([name, value]);
  }
  for (const [name, value] of replacements) if (!removals.has(name.toLowerCase())) out.push([name, value]);
  return out;
}
