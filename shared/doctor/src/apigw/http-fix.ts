/**
 * CDK fixes for HTTP APIs (`aws-cdk-lib/aws-apigatewayv2`): the `corsPreflight` option of `HttpApi`, which
 * becomes the API's `CorsConfiguration`.
 *
 * @module
 */
import type { HttpApiModel, HttpCorsModel } from './api-model.js';
import {
  type CdkFix,
  constructName,
  type FixContext,
  hiddenHeaders,
  list,
  neededHeaders,
  quote,
  sentence,
} from './fix-context.js';

/** `CorsHttpMethod` members by method. */
const CORS_HTTP_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'DELETE']);

/** The fix of a blocked call to an HTTP API. */
export function httpFix(context: FixContext, api: HttpApiModel): CdkFix | undefined {
  const { outcome, request } = context;
  const name = `the HttpApi ${constructName(api.logicalId)} (${api.logicalId})`;
  const include = request.credentials === 'include';
  const current = api.cors;
  const hidden = hiddenHeaders(context).map((header) => header.toLowerCase());
  const next = wantedCors(current, context, hidden);
  const code = `new HttpApi(this, ${quote(constructName(api.logicalId))}, {\n  corsPreflight: {\n${corsLines(next)}\n  },\n});`;
  if (
    context.source.producer === 'api-gateway' &&
    context.source.reached === undefined &&
    outcome.step !== 'preflight'
  ) {
    return {
      summary: `${sentence(name)} has no route for ${request.method} ${context.location.path}, and API Gateway's 404 carries no CORS header. Add the route:`,
      code: `httpApi.addRoutes({
  path: ${quote(context.location.path)},
  methods: [HttpMethod.${request.method}],
  integration,
});`,
    };
  }
  if (current === undefined) {
    const left =
      outcome.step === 'preflight'
        ? `the preflight reaches ${context.source.description}, which does not answer it as the browser needs`
        : `the answer of ${context.source.description} does not let the page in`;
    return {
      summary: `${sentence(name)} has no CorsConfiguration, so CORS is left to the routes, and ${left}. Give the API a corsPreflight: API Gateway then answers preflights itself and sets the CORS headers of every answer to an allowed origin.`,
      code,
    };
  }
  const changes: string[] = [];
  if (!originAllowed(current, request.origin)) changes.push(`add ${request.origin} to allowOrigins`);
  if (include && !current.allowCredentials) changes.push('set allowCredentials: true');
  if (include && current.allowOrigins.includes('*'))
    changes.push("list the origins instead of '*' (API Gateway refuses credentials with '*')");
  const method = outcome.preflight?.method;
  if (
    method !== undefined &&
    !current.allowMethods.includes(method) &&
    !(current.allowMethods.includes('*') && !include)
  ) {
    changes.push(`allow ${method}`);
  }
  const headers = neededHeaders(context).filter((header) => !allows(current.allowHeaders, header, include));
  if (headers.length > 0)
    changes.push(`allow the header${headers.length > 1 ? 's' : ''} ${headers.join(', ')}`);
  if (hidden.length > 0) changes.push(`expose ${hidden.join(', ')}`);
  if (changes.length === 0) {
    return {
      summary: `The CorsConfiguration of ${name} already allows this call; the answer that blocked it came from ${context.source.description}.`,
      code,
    };
  }
  return {
    summary: `Change the corsPreflight of ${name}: ${changes.join('; ')}. API Gateway answers the preflight and sets the headers of every answer from it, overwriting the function's own.`,
    code,
  };
}

function originAllowed(cors: HttpCorsModel, origin: string): boolean {
  return cors.allowOrigins.some(
    (allowed) =>
      allowed === '*' ||
      allowed === origin ||
      (allowed.endsWith('://*') && origin.startsWith(allowed.slice(0, -1))),
  );
}

function allows(allowed: readonly string[], header: string, include: boolean): boolean {
  return allowed.some((name) => name.toLowerCase() === header || (name === '*' && !include));
}

/** The configuration that lets the call through, keeping what the API already allows. */
function wantedCors(
  current: HttpCorsModel | undefined,
  context: FixContext,
  hidden: readonly string[],
): HttpCorsModel {
  const include = context.request.credentials === 'include';
  const origins = (current?.allowOrigins ?? []).filter((origin) => !(include && origin === '*'));
  const method = context.outcome.preflight?.method;
  const methods = current?.allowMethods ?? [];
  const headers = current?.allowHeaders ?? [];
  return {
    allowOrigins: originAllowed({ ...emptyCors, allowOrigins: origins }, context.request.origin)
      ? origins
      : [...origins, context.request.origin],
    allowMethods:
      method === undefined || methods.includes(method) || (methods.includes('*') && !include)
        ? methods
        : [...methods, method],
    allowHeaders: [
      ...headers,
      ...neededHeaders(context).filter((header) => !allows(headers, header, include)),
    ],
    exposeHeaders: [
      ...(current?.exposeHeaders ?? []),
      ...hidden.filter((header) => !current?.exposeHeaders.includes(header)),
    ],
    allowCredentials: include || (current?.allowCredentials ?? false),
    ...(current?.maxAge === undefined ? {} : { maxAge: current.maxAge }),
  };
}

const emptyCors: HttpCorsModel = {
  allowOrigins: [],
  allowMethods: [],
  allowHeaders: [],
  exposeHeaders: [],
  allowCredentials: false,
};

function corsLines(cors: HttpCorsModel): string {
  const methods = cors.allowMethods.map((method) =>
    method === '*'
      ? 'CorsHttpMethod.ANY'
      : CORS_HTTP_METHODS.has(method)
        ? `CorsHttpMethod.${method}`
        : quote(method),
  );
  const lines = [`allowOrigins: ${list(cors.allowOrigins)},`];
  if (methods.length > 0) lines.push(`allowMethods: [${methods.join(', ')}],`);
  if (cors.allowHeaders.length > 0) lines.push(`allowHeaders: ${list(cors.allowHeaders)},`);
  if (cors.exposeHeaders.length > 0) lines.push(`exposeHeaders: ${list(cors.exposeHeaders)},`);
  if (cors.allowCredentials) lines.push('allowCredentials: true,');
  if (cors.maxAge !== undefined) lines.push(`maxAge: Duration.seconds(${cors.maxAge}),`);
  return lines.map((line) => `    ${line}`).join('\n');
}
