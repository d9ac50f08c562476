/**
 * CDK fixes for REST APIs (`aws-cdk-lib/aws-apigateway`).
 *
 * @module
 */
import { headerValue } from '../cors/header-lines.js';
import type { RestApiModel } from './api-model.js';
import { type CdkFix, constructName, type FixContext, list, neededHeaders, quote } from './cdk-fix.js';
import { matchRestMethod, matchRestResource } from './match-route.js';

/** `Cors.DEFAULT_HEADERS` of aws-cdk-lib, lower case, to recognise CDK's default preflight. */
const CDK_DEFAULT_HEADERS = ['content-type', 'x-amz-date', 'authorization', 'x-api-key', 'x-amz-security-token', 'x-amz-user-agent'];

/** The fix of a blocked call to a REST API. */
export function restFix(context: FixContext, api: RestApiModel): CdkFix | undefined {
  const { outcome, request, source } = context;
  const apiName = `the RestApi ${constructName(api.logicalId)} (${api.logicalId})`;
  const include = request.credentials === 'include';
  const path = context.location.path;
  const resource = matchRestResource(api, path);
  const target = resource === undefined ? `a resource for ${path}` : `the resource ${resource}`;
  const method = outcome.preflight?.method ?? request.method;
  const preflightOptions = () => {
    const lines = [`allowOrigins: ${list([request.origin])},`];
    if (outcome.preflight?.method !== undefined) lines.push(`allowMethods: ${list([method])},`);
    const headers = neededHeaders(context);
    if (headers.length > 0) {
      const extra = headers.filter((name) => !CDK_DEFAULT_HEADERS.includes(name));
      lines.push(`allowHeaders: ${extra.length === 0 ? 'Cors.DEFAULT_HEADERS' : `[...Cors.DEFAULT_HEADERS, ${extra.map(quote).join(', ')}]`},`);
    }
    if (include) lines.push('allowCredentials: true,');
    return lines.map((line) => `  ${line}`).join('\n');
  };
  const corsOrigin = include ? request.origin : '*';

  if (outcome.step === 'preflight') {
    if (source.producer === 'integration-response' && source.reached?.label.startsWith('OPTIONS')) {
      return {
        summary: `The OPTIONS method of ${resource} (${source.logicalId}) is a CDK preflight: change its CorsOptions (defaultCorsPreflightOptions of ${apiName} or of an ancestor resource, or addCorsPreflight on ${resource}) so that it answers what the browser asked.`,
        code: `resource.addCorsPreflight({ // or defaultCorsPreflightOptions\n${preflightOptions()}\n});`,
      };
    }
    if (source.producer === 'function') {
      return {
        summary: `OPTIONS ${path} reaches ${source.description}, which does not answer the preflight. Let the function answer it (the @cors-workshop/cors wrapper does), or give ${target} a MOCK preflight: an OPTIONS method takes precedence over ANY.`,
        code: `resource.addCorsPreflight({\n${preflightOptions()}\n});`,
      };
    }
    return {
      summary: `${apiName} has no OPTIONS method on ${target}, so API Gateway answers the preflight with ${source.description}. Give the resource a preflight (or every resource, with defaultCorsPreflightOptions on the RestApi):`,
      code: `${resource === undefined ? `const resource = api.root.resourceForPath(${quote(path)});\n` : ''}resource.addCorsPreflight({\n${preflightOptions()}\n});`,
    };
  }

  const headerLines = (extra: Record<string, string>, indent: string) =>
    Object.entries(extra)
      .map(([name, value]) => `${indent}${quote(name)}: ${value},`)
      .join('\n');
  const wanted: Record<string, string> =
    outcome.step === 'read-header'
      ? { 'Access-Control-Expose-Headers': quote(outcome.reads.filter((read) => read.value === null && read.sent !== undefined).map((read) => read.name).join(',')) }
      : {
          'Access-Control-Allow-Origin': quote(corsOrigin),
          ...(include ? { 'Access-Control-Allow-Credentials': quote('true') } : {}),
        };

  if (source.producer === 'gateway-response') {
    const type = source.gatewayResponseType ?? 'DEFAULT_4XX';
    const missingMethod =
      type === 'MISSING_AUTHENTICATION_TOKEN' && (resource === undefined || matchRestMethod(api, resource, request.method) === undefined);
    const literal = Object.fromEntries(Object.entries(wanted).map(([name, value]) => [name, `"${value}"`]));
    const family = type.startsWith('DEFAULT_') ? type : (source.customisedAs ?? (outcome.status !== undefined && outcome.status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX'));
    return {
      summary:
        (missingMethod
          ? `${apiName} has no ${request.method} method on ${target}: API Gateway answers with its ${type} gateway response (403 Missing Authentication Token). Add the method; to let the page read such errors, give the gateway response CORS headers. `
          : `API Gateway answered with ${source.description}, which carries no usable CORS header. `) +
        `Gateway responses are the only way to put CORS headers on API Gateway's own errors; the values are quoted literals.`,
      code:
        (missingMethod ? `resource.addMethod(${quote(request.method)}, integration);\n` : '') +
        `api.addGatewayResponse(${quote(family === 'DEFAULT_5XX' ? 'Default5xx' : 'Default4xx')}, {\n  type: ResponseType.${family},\n  responseHeaders: {\n${headerLines(literal, '    ')}\n  },\n});`,
    };
  }
  if (source.producer === 'function') {
    const fn = source.logicalId ?? 'the function';
    const sent = headerValue(context.outcome.exchanges.at(-1)?.response.headers ?? [], 'access-control-allow-origin');
    const what =
      outcome.step === 'read-header'
        ? 'must expose the headers the page reads'
        : sent === undefined
          ? 'must return Access-Control-Allow-Origin itself: with a proxy integration, API Gateway adds no CORS header to its answers'
          : `returns Access-Control-Allow-Origin: ${sent}, which the browser refuses here`;
    return {
      summary: `The function ${constructName(fn)} (${fn}) ${what}. In its handler (or with the @cors-workshop/cors wrapper, which also answers preflights):`,
      code: `return {\n  statusCode: 200,\n  headers: {\n${headerLines(wanted, '    ')}${outcome.step === 'read-header' || !include ? '' : "\n    Vary: 'Origin',"}\n  },\n  body,\n};`,
    };
  }
  if (source.producer === 'integration-response') {
    const status = String(outcome.exchanges.at(-1)?.response.status ?? '200');
    const mapped = Object.entries(wanted)
      .map(([name, value]) => `'method.response.header.${name}': "${value}"`)
      .join(', ');
    const declared = Object.keys(wanted)
      .map((name) => `'method.response.header.${name}': true`)
      .join(', ');
    return {
      summary: `Map the header on ${source.description}, and declare it on the method response: API Gateway refuses a mapping to an undeclared header.`,
      code: `integrationResponses: [{ statusCode: ${quote(status)}, responseParameters: { ${mapped} } }],\n// in the method's options:\nmethodResponses: [{ statusCode: ${quote(status)}, responseParameters: { ${declared} } }],`,
    };
  }
  return undefined;
}
