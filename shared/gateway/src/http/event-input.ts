import type { GatewayRequest } from '../server/gateway-request.js';
import type { HttpApiModel, HttpStage } from './http-api-model.js';
import type { HttpRouteMatch } from './http-router.js';

/** What building a Lambda proxy event of an HTTP API needs to know about one request. */
export interface HttpEventInput {
  readonly api: HttpApiModel;
  readonly stage: HttpStage;
  readonly match: HttpRouteMatch;
  readonly request: GatewayRequest;
  /** The request ID (also sent back in `apigw-requestid`), e.g. `eFPZ2jtpoAMEVjQ=`. */
  readonly requestId: string;
  /** The X-Ray trace header value passed to the function in `x-amzn-trace-id`. */
  readonly traceId: string;
  /** `requestContext.authorizer`: what the route's authorizer passed on, in the payload's shape. */
  readonly authorizer?: Readonly<Record<string, unknown>>;
}

/**
 * The headers API Gateway adds to the request it passes to the function, as a client behind a load
 * balancer would see them: the caller's address, the port and scheme it connected to, and a trace ID.
 */
export function forwardedHeaders(
  input: HttpEventInput,
  existingForwardedFor: string | undefined,
): Array<[string, string]> {
  const sourceIp = clientAddress(input.request);
  const host = hostOf(input.request);
  const port = /:(\d+)$/.exec(host)?.[1] ?? '80';
  return [
    ['x-amzn-trace-id', input.traceId],
    [
      'x-forwarded-for',
      existingForwardedFor === undefined ? sourceIp : `${existingForwardedFor}, ${sourceIp}`,
    ],
    ['x-forwarded-port', port],
    ['x-forwarded-proto', 'http'],
  ];
}

/** The caller's IP address, without the `::ffff:` prefix of an IPv4 address on a dual-stack socket. */
export function clientAddress(request: GatewayRequest): string {
  return request.sourceIp.replace(/^::ffff:/, '');
}

/** The `Host` the request was sent to (`domainName`). */
export function hostOf(request: GatewayRequest): string {
  for (const [name, value] of headerPairs(request.rawHeaders))
    if (name.toLowerCase() === 'host') return value;
  return '127.0.0.1';
}

/** The first label of the host, without a port (`domainPrefix`). */
export function domainPrefixOf(host: string): string {
  const label = host.split('.', 1)[0] ?? host;
  return label.split(':', 1)[0] ?? label;
}

/** The name/value pairs of `rawHeaders` (`[name, value, name, value, …]`). */
export function* headerPairs(rawHeaders: readonly string[]): Generator<[string, string]> {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    yield [rawHeaders[i] as string, rawHeaders[i + 1] as string];
}
