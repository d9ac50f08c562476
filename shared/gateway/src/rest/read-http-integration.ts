import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import { type HttpTarget, readHttpTarget } from '../http-backends/http-target.js';
import { pathPlaceholders } from '../services/service-integration-uri.js';
import {
  parseRequestParameterSource,
  parseRequestParameterTarget,
  type RequestParameterSource,
  type RequestParameterTarget,
} from './request-parameter.js';
import { invalidMappingMessage } from './response-parameter.js';

/**
 * An `HTTP` or `HTTP_PROXY` integration of a REST API method: the backend URL it calls, with what it maps
 * into the URL, the query string and the headers.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html
 */
export interface RestHttpIntegration {
  /** Where the requests go (`Uri`, `ConnectionType`, `ConnectionId`). */
  readonly target: HttpTarget;
  /** `IntegrationHttpMethod`; `ANY` sends the method request's own method. */
  readonly httpMethod: string;
  /** `RequestParameters`, in template order. */
  readonly requestParameters: ReadonlyArray<readonly [RequestParameterTarget, RequestParameterSource]>;
  /** How the request log names it, e.g. `HTTP_PROXY https://api.example.com/{proxy}`. */
  readonly label: string;
  /** `TlsConfig.InsecureSkipVerification`: accept any certificate of an HTTPS backend. @default false */
  readonly insecureSkipVerification: boolean;
}

/**
 * Reads the backend of an `HTTP`/`HTTP_PROXY` integration from its resolved `Integration` property: the
 * `Uri` (every `{name}` placeholder of its path must be mapped by an `integration.request.path.<name>`
 * entry), `IntegrationHttpMethod` and `RequestParameters`.
 * @param fail - throws the reader's refusal for this method
 */
export function readRestHttpIntegration(
  resolver: IntrinsicResolver,
  integration: Record<string, unknown>,
  fail: (message: string) => never,
): RestHttpIntegration {
  const type = String(integration.Type);
  const uri = integration.Uri;
  if (typeof uri !== 'string' || uri === '') {
    fail(`an ${type} integration needs a Uri, got ${JSON.stringify(uri)}`);
  }
  const requestParameters: Array<readonly [RequestParameterTarget, RequestParameterSource]> = [];
  for (const [key, value] of Object.entries((integration.RequestParameters as object | undefined) ?? {})) {
    const target = parseRequestParameterTarget(key);
    if (!target) fail(invalidMappingMessage(`Invalid mapping expression parameter specified: ${key}`));
    const source = parseRequestParameterSource(value);
    if (!source) fail(invalidMappingMessage(`Invalid mapping expression specified: ${String(value)}`));
    requestParameters.push([target, source]);
  }
  const path = uri.replace(/^[a-z]+:\/\/[^/]*/i, '').split('?')[0] ?? '';
  for (const name of pathPlaceholders(uri)) {
    if (name.startsWith('stageVariables.')) continue;
    const mapped = requestParameters.some(([t]) => t.location === 'path' && t.name === name);
    if (!mapped) {
      fail(
        `Integration.Uri ${JSON.stringify(uri)} uses {${name}}${path.includes(`{${name}}`) ? '' : ' in its query string'}, but no RequestParameters entry maps integration.request.path.${name}`,
      );
    }
  }
  const httpMethod = String(integration.IntegrationHttpMethod ?? '').toUpperCase();
  if (httpMethod === '') fail(`an ${type} integration needs an IntegrationHttpMethod`);
  return {
    target: readHttpTarget(resolver, uri, integration.ConnectionType, integration.ConnectionId),
    httpMethod,
    requestParameters,
    label: `${type} ${uri}`,
    insecureSkipVerification:
      (integration.TlsConfig as Record<string, unknown> | undefined)?.InsecureSkipVerification === true,
  };
}
