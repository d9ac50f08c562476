import { describeService } from '../services/service-catalog.js';
import type { RequestOverride } from '../vtl/index.js';
import type { RequestParameterTarget } from './request-parameter.js';
import type { RestServiceIntegration } from './rest-api-model.js';

/**
 * Request headers an `AWS` integration may not map: API Gateway answers 500 when one is mapped (recorded
 * on AWS for `Content-Length`, `Transfer-Encoding`, `X-Amzn-Trace-Id`, and for AWS integrations also
 * `Authorization`, `Connection`, `Expect`, `Proxy-Authenticate` and `TE`).
 */
const UNMAPPABLE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'connection',
  'content-length',
  'expect',
  'proxy-authenticate',
  'te',
  'transfer-encoding',
  'x-amzn-trace-id',
]);

/** The protocol request for a service, before signing. */
export interface BuiltServiceRequest {
  readonly method: string;
  /** The path and query string, starting with `/`. */
  readonly path: string;
  readonly headers: Array<[string, string]>;
  readonly body: string;
}

/**
 * Builds the request an `AWS` service integration sends: `IntegrationHttpMethod` to `/` (action form) or
 * to the URI's path with its `{name}` placeholders filled (path form), the rendered request template as the
 * body, the mapped integration request parameters and the request template's `$context.requestOverride`
 * (which wins over a mapping of the same parameter).
 *
 * Headers: `Content-Type` is the service's JSON protocol type (`application/x-amz-json-1.0` for DynamoDB,
 * `…-1.1` for Kinesis) unless a mapping sets one; the action form adds `X-Amz-Target: <prefix>.<Action>`,
 * as API Gateway does for these services.
 * @param mapped - each mapped parameter with its value for this request (parameters without one left out)
 * @returns the request, or the reason API Gateway would answer 500 (an unmappable header)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
export function buildServiceRequest(
  target: RestServiceIntegration,
  body: string,
  mapped: ReadonlyArray<readonly [RequestParameterTarget, string]>,
  requestOverride: RequestOverride | undefined,
): BuiltServiceRequest | string {
  const path: Record<string, string> = {};
  const query: Array<[string, string]> = [];
  const headers = new Map<string, [string, string]>();
  for (const [where, value] of mapped) {
    if (where.location === 'path') path[where.name] = value;
    else if (where.location === 'querystring') query.push([where.name, value]);
    else headers.set(where.name.toLowerCase(), [where.name, value]);
  }
  for (const [name, value] of Object.entries(requestOverride?.path ?? {})) path[name] = value;
  for (const [name, value] of Object.entries(requestOverride?.querystring ?? {})) {
    const index = query.findIndex(([n]) => n === name);
    if (index === -1) query.push([name, value]);
    else query[index] = [name, value];
  }
  for (const [name, value] of Object.entries(requestOverride?.header ?? {})) {
    headers.set(name.toLowerCase(), [name, value]);
  }
  for (const lower of headers.keys()) {
    if (UNMAPPABLE_HEADERS.has(lower)) {
      return `the integration request maps the header ${headers.get(lower)![0]}, which API Gateway does not let an AWS integration set`;
    }
  }
  const description = describeService(target.service);
  if (!headers.has('content-type')) headers.set('content-type', ['Content-Type', description.contentType]);
  const { uri } = target;
  if (uri.kind === 'action') {
    headers.set('x-amz-target', ['X-Amz-Target', `${description.targetPrefix}.${uri.action}`]);
  }
  const filled =
    uri.kind === 'action'
      ? ''
      : uri.path.replace(/\{([^{}]+)\}/g, (_whole, name: string) => encodeURIComponent(path[name] ?? ''));
  // Leading slashes collapse into one: `path//` means the root, not a protocol-relative URL.
  let pathname = `/${filled.replace(/^\/+/, '')}`;
  if (query.length > 0) pathname += `?${new URLSearchParams(query).toString()}`;
  return { method: target.httpMethod, path: pathname, headers: [...headers.values()], body };
}
