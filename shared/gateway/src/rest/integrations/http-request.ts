import { expandUri } from '../../http-backends/expand-uri.js';
import type { HttpBackendRequest } from '../../http-backends/http-backends.js';
import { proxiedRequestHeaders, withHeaders } from '../../http-backends/proxy-headers.js';
import { newTraceId } from '../../server/request-ids.js';
import type { RequestOverride } from '../../vtl/index.js';
import type { RestHttpIntegration } from '../read-http-integration.js';
import { resolveRequestParameter } from '../request-parameter.js';
import type { RestIntegration } from '../rest-api-model.js';
import type { RequestState } from '../stages/request-state.js';

/**
 * Request headers an HTTP integration may not map: API Gateway answers 500 when one is mapped (recorded
 * on AWS).
 */
const UNMAPPABLE_HEADERS: ReadonlySet<string> = new Set([
  'content-length',
  'transfer-encoding',
  'x-amzn-trace-id',
]);

/** Why an HTTP integration request could not be built, as API Gateway logs it. */
export interface InvalidHttpRequest {
  readonly invalid: string;
}

/**
 * Builds the request an `HTTP` or `HTTP_PROXY` integration of a REST API sends:
 *
 * - the `Uri` with its `{name}` placeholders filled from the mapped `integration.request.path.*` (and the
 *   request template's `$context.requestOverride.path`) and its `${stageVariables.*}` from the stage;
 * - `IntegrationHttpMethod` (`ANY` sends the client's method);
 * - the query string: the URI's own, then for `HTTP_PROXY` the client's, then the mapped
 *   `integration.request.querystring.*`;
 * - the headers: for `HTTP_PROXY` the client's (without hop-by-hop ones and `Host`); for `HTTP` only
 *   `Accept: application/json`, the request's `Content-Type` and `User-Agent: AmazonAPIGateway_<apiId>`, as
 *   recorded on AWS; then the mapped `integration.request.header.*` (which win), `X-Amzn-Apigateway-Api-Id`,
 *   `X-Amzn-Trace-Id` and the `X-Forwarded-*` headers;
 * - the body: the client's (`HTTP_PROXY`) or the integration request's (`HTTP`, after its template).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html
 */
export function buildHttpRequest(
  state: RequestState,
  integration: RestIntegration,
  http: RestHttpIntegration,
  body: Buffer,
  requestOverride: RequestOverride | undefined,
): HttpBackendRequest | InvalidHttpRequest {
  const proxy = integration.type === 'HTTP_PROXY';
  const input = {
    request: state.request,
    pathParameters: state.route.pathParameters,
    get context() {
      return state.context;
    },
    stageVariables: state.stage.variables,
  };
  const path: Record<string, string> = {};
  const query: Array<[string, string]> = [];
  const mappedHeaders: Array<[string, string]> = [];
  for (const [where, source] of http.requestParameters) {
    const value = resolveRequestParameter(source, input);
    if (value === undefined) continue;
    if (where.location === 'path') path[where.name] = value;
    else if (where.location === 'querystring') query.push([where.name, value]);
    else mappedHeaders.push([where.name, value]);
  }
  Object.assign(path, requestOverride?.path);
  for (const [name, value] of Object.entries(requestOverride?.querystring ?? {})) query.push([name, value]);
  for (const [name, value] of Object.entries(requestOverride?.header ?? {}))
    mappedHeaders.push([name, value]);
  const unmappable = mappedHeaders.find(([name]) => UNMAPPABLE_HEADERS.has(name.toLowerCase()));
  if (unmappable) {
    return {
      invalid: `the integration request maps the header ${unmappable[0]}, which API Gateway does not let an integration set`,
    };
  }
  // REST path parameters keep the request's percent-encoding, as recorded on AWS.
  const expanded = expandUri(http.target.uri, path, state.stage.variables, true);
  if (typeof expanded !== 'string') return { invalid: `Invalid endpoint address (${expanded.missing})` };
  const url = state.deps.http?.urlFor(http.target, expanded, state.request.path);
  if (!url) return { invalid: `Invalid endpoint address: ${JSON.stringify(expanded)}` };
  const search = new URLSearchParams(url.search);
  if (proxy && state.request.rawQuery !== '') {
    for (const [name, value] of new URLSearchParams(state.request.rawQuery)) search.append(name, value);
  }
  for (const [name, value] of query) search.append(name, value);
  url.search = search.toString();

  const traceId = newTraceId(state.request.receivedAt);
  const forwarded = {
    sourceIp: state.request.sourceIp.replace(/^::ffff:/, ''),
    port: portOf(state),
    traceId,
  };
  const base = proxy
    ? proxiedRequestHeaders(state.request.rawHeaders, forwarded)
    : nonProxyHeaders(state, forwarded.traceId, forwarded.sourceIp, forwarded.port);
  const headers = withHeaders(base, mappedHeaders);
  headers.push(['X-Amzn-Apigateway-Api-Id', state.api.apiId]);
  const method = http.httpMethod === 'ANY' ? state.request.method : http.httpMethod;
  return {
    method,
    url,
    headers,
    body,
    timeoutMs: integration.timeoutMs,
    insecureSkipVerification: http.insecureSkipVerification,
  };
}

function nonProxyHeaders(
  state: RequestState,
  traceId: string,
  sourceIp: string,
  port: string,
): Array<[string, string]> {
  let contentType = 'application/json';
  const raw = state.request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2)
    if (raw[i]!.toLowerCase() === 'content-type') contentType = raw[i + 1]!;
  return [
    ['Accept', 'application/json'],
    ['Content-Type', contentType],
    ['User-Agent', `AmazonAPIGateway_${state.api.apiId}`],
    ['X-Amzn-Trace-Id', traceId],
    ['X-Forwarded-For', sourceIp],
    ['X-Forwarded-Port', port],
    ['X-Forwarded-Proto', 'http'],
  ];
}

function portOf(state: RequestState): string {
  const raw = state.request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === 'host') return /:(\d+)$/.exec(raw[i + 1]!)?.[1] ?? '80';
  }
  return '80';
}
