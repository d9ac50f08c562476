/**
 * CDK fixes for REST APIs (`aws-cdk-lib/aws-apigateway`).
 *
 * @module
 */
import { headerValue } from '../cors/header-lines.js';
import type { RestApiModel } from './api-model.js';
import {
  corsOptionsOf,
  defaultCorsOptions,
  renderCorsOptions,
  widenCorsOptions,
} from './cdk-cors-options.js';
import {
  type CdkFix,
  constructName,
  type FixContext,
  hiddenHeaders,
  neededHeaders,
  quote,
  sentence,
} from './fix-context.js';
import { matchRestMethod, matchRestResource } from './match-route.js';

/** The fix of a blocked call to a REST API. */
export function restFix(context: FixContext, api: RestApiModel): CdkFix | undefined {
  if (context.outcome.step === 'preflight') return preflightFix(context, api);
  switch (context.source.producer) {
    case 'gateway-response':
      return gatewayResponseFix(context, api);
    case 'function':
      return functionFix(context);
    case 'integration-response':
      return integrationResponseFix(context);
    default:
      return undefined;
  }
}

function preflightFix(context: FixContext, api: RestApiModel): CdkFix {
  const { outcome, request, source, location } = context;
  const resource = matchRestResource(api, location.path);
  const options = resource === undefined ? undefined : matchRestMethod(api, resource, 'OPTIONS');
  const current = options === undefined ? undefined : corsOptionsOf(options);
  const needs = {
    origin: request.origin,
    ...(outcome.preflight?.method === undefined ? {} : { method: outcome.preflight.method }),
    headers: neededHeaders(context),
    credentials: request.credentials === 'include',
  };
  if (options !== undefined && current !== undefined && options.httpMethod === 'OPTIONS') {
    const { options: wider, changes } = widenCorsOptions(current, needs);
    return {
      summary: `The OPTIONS method of ${resource} (${options.logicalId}) is CDK's preflight, made from CorsOptions (the defaultCorsPreflightOptions of the RestApi ${constructName(api.logicalId)}, of ${resource} or of a parent resource, or addCorsPreflight on ${resource}). Change them: ${changes.join('; ') || 'they already allow this call; the answer came from elsewhere'}.`,
      code: `resource.addCorsPreflight({ // or the same options in defaultCorsPreflightOptions\n${renderCorsOptions(wider, '  ')}\n});`,
    };
  }
  const fresh = widenCorsOptions(defaultCorsOptions(request.origin), needs).options;
  const create =
    resource === undefined ? `const resource = api.root.resourceForPath(${quote(location.path)});\n` : '';
  const code = `${create}resource.addCorsPreflight({\n${renderCorsOptions(fresh, '  ')}\n});`;
  if (source.producer === 'function') {
    return {
      summary: `OPTIONS ${location.path} reaches ${source.description}, which does not answer the preflight as the browser needs. Let the function answer it (the @cors-workshop/cors wrapper does), or give ${resource} a MOCK preflight, which takes precedence over ANY:`,
      code,
    };
  }
  return {
    summary: `The RestApi ${constructName(api.logicalId)} (${api.logicalId}) has no OPTIONS method ${resource === undefined ? `and no resource for ${location.path}` : `on ${resource}`}, so ${source.description} answers the preflight. Give the resource a preflight (or every resource, with defaultCorsPreflightOptions on the RestApi):`,
    code,
  };
}

/**
 * The CORS headers the blocked answer needs, as header name → JavaScript value: `*` for a call without
 * credentials, unless `echo` asks for the page's origin.
 */
function wantedHeaders(context: FixContext, echo = false): Record<string, string> {
  const include = context.request.credentials === 'include';
  if (context.outcome.step === 'read-header') {
    return { 'Access-Control-Expose-Headers': quote(hiddenHeaders(context).join(',')) };
  }
  return {
    'Access-Control-Allow-Origin': quote(include || echo ? context.request.origin : '*'),
    ...(include ? { 'Access-Control-Allow-Credentials': quote('true') } : {}),
  };
}

function objectLines(entries: Record<string, string>, indent: string): string {
  return Object.entries(entries)
    .map(([name, value]) => `${indent}${quote(name)}: ${value},`)
    .join('\n');
}

/** The construct ID `addGatewayResponse` would use for a type, e.g. `Default4xx`. */
function gatewayResponseId(type: string): string {
  return type
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function gatewayResponseFix(context: FixContext, api: RestApiModel): CdkFix {
  const { request, source, location, outcome } = context;
  const type = source.gatewayResponseType ?? 'DEFAULT_4XX';
  const resource = matchRestResource(api, location.path);
  const missingMethod =
    type === 'MISSING_AUTHENTICATION_TOKEN' &&
    (resource === undefined || matchRestMethod(api, resource, request.method) === undefined);
  const customise = source.customisedAs ?? ((outcome.status ?? 400) >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX');
  const literals = Object.fromEntries(
    Object.entries(wantedHeaders(context)).map(([name, value]) => [name, `"${value}"`]),
  );
  const missing = missingMethod
    ? `The RestApi ${constructName(api.logicalId)} has no ${request.method} method ${resource === undefined ? `and no resource for ${location.path}` : `on ${resource}`}, so API Gateway answers 403 Missing Authentication Token. Add the method. `
    : '';
  return {
    summary: `${missing}The answer is ${source.description}, which carries no usable CORS header. A gateway response is the only way to put CORS headers on API Gateway's own errors (values are quoted literals, or method.request.header.Origin to echo the page's origin):`,
    code:
      (missingMethod ? `resource.addMethod(${quote(request.method)}, integration);\n` : '') +
      `api.addGatewayResponse(${quote(gatewayResponseId(customise))}, {\n  type: ResponseType.${customise},\n  responseHeaders: {\n${objectLines(literals, '    ')}\n  },\n});`,
  };
}

function functionFix(context: FixContext): CdkFix {
  const { source, request, outcome } = context;
  const fn = source.logicalId ?? 'the function';
  const sent = headerValue(outcome.exchanges.at(-1)?.response.headers ?? [], 'access-control-allow-origin');
  const include = request.credentials === 'include';
  const what =
    outcome.step === 'read-header'
      ? `must expose ${hiddenHeaders(context).join(', ')} with Access-Control-Expose-Headers`
      : sent === undefined
        ? `returns no Access-Control-Allow-Origin for ${request.origin}: with a proxy integration, only the function can send it (if it keeps a list of origins, add this one to it)`
        : `returns Access-Control-Allow-Origin: ${sent}, which the browser refuses here`;
  const policy =
    outcome.step === 'read-header'
      ? `exposeHeaders: ${JSON.stringify(hiddenHeaders(context)).replaceAll('"', "'")}`
      : `allowOrigins: [${quote(request.origin)}]${include ? ', allowCredentials: true' : ''}`;
  return {
    summary: `The function ${constructName(fn)} (${fn}) ${what}. With the workshop's @cors-workshop/cors wrapper (which also answers preflights and adds Vary), or by hand in every response:`,
    code:
      `const cors = corsPolicy({ ${policy} });\nexport const handler = cors.wrap(async (event) => ({ statusCode: 200, body }));\n\n` +
      `// or, by hand:\nreturn {\n  statusCode: 200,\n  headers: {\n${objectLines({ ...wantedHeaders(context, true), ...(outcome.step === 'read-header' ? {} : { Vary: quote('Origin') }) }, '    ')}\n  },\n  body,\n};`,
  };
}

function integrationResponseFix(context: FixContext): CdkFix {
  const { outcome, source } = context;
  const status = String(outcome.exchanges.at(-1)?.response.status ?? '200');
  const wanted = wantedHeaders(context);
  const mapped = Object.entries(wanted)
    .map(([name, value]) => `'method.response.header.${name}': "${value}"`)
    .join(', ');
  const declared = Object.keys(wanted)
    .map((name) => `'method.response.header.${name}': true`)
    .join(', ');
  return {
    summary: sentence(
      `map the header${Object.keys(wanted).length > 1 ? 's' : ''} on ${source.description}, and declare ${Object.keys(wanted).length > 1 ? 'them' : 'it'} on the method response (API Gateway refuses a mapping to an undeclared header):`,
    ),
    code: `integrationResponses: [{ statusCode: ${quote(status)}, responseParameters: { ${mapped} } }],\n// and in the method's options:\nmethodResponses: [{ statusCode: ${quote(status)}, responseParameters: { ${declared} } }],`,
  };
}
