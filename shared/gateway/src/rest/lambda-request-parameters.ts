import {
  parseRequestParameterSource,
  parseRequestParameterTarget,
  type RequestParameterInput,
  type RequestParameterSource,
  type RequestParameterTarget,
  resolveRequestParameter,
} from './request-parameter.js';
import { invalidMappingMessage } from './response-parameter.js';
import { UNMAPPABLE_LAMBDA_REQUEST_HEADERS } from './restricted-headers.js';

/** An integration's `RequestParameters`, parsed: where each goes and where its value comes from. */
export type IntegrationRequestParameters = ReadonlyArray<
  readonly [RequestParameterTarget, RequestParameterSource]
>;

/**
 * Parses an integration's `RequestParameters`.
 * @returns the parameters, or AWS's message for the first invalid key or value
 */
export function parseIntegrationRequestParameters(raw: unknown): IntegrationRequestParameters | string {
  const parsed: Array<readonly [RequestParameterTarget, RequestParameterSource]> = [];
  for (const [key, value] of Object.entries((raw as object | undefined) ?? {})) {
    const target = parseRequestParameterTarget(key);
    if (!target) return invalidMappingMessage(`Invalid mapping expression parameter specified: ${key}`);
    const source = parseRequestParameterSource(value);
    if (!source) return invalidMappingMessage(`Invalid mapping expression specified: ${String(value)}`);
    parsed.push([target, source]);
  }
  return parsed;
}

/** What a Lambda integration's request parameters ask of one invocation. */
export type LambdaInvocationMapping =
  | { readonly kind: 'invoke'; readonly invocationType: 'RequestResponse' | 'Event' }
  /** A header API Gateway does not let a Lambda integration map: the request is answered 500. */
  | { readonly kind: 'unmappable'; readonly header: string };

/**
 * Resolves a Lambda integration's request parameters for one request. Lambda receives no path or query
 * string, and only one header changes what it does: `X-Amz-Invocation-Type: Event` invokes the function
 * asynchronously (the integration then answers at once with an empty body). Mapping `Content-Length`,
 * `Authorization`, `Connection`, `Expect`, `Proxy-Authenticate`, `TE`, `Transfer-Encoding` or
 * `X-Amzn-Trace-Id` makes API Gateway answer 500, for `AWS` and `AWS_PROXY` integrations alike; an
 * `AWS_PROXY` integration otherwise ignores its request parameters.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
export function lambdaInvocationMapping(
  parameters: IntegrationRequestParameters,
  input: RequestParameterInput,
): LambdaInvocationMapping {
  let invocationType: 'RequestResponse' | 'Event' = 'RequestResponse';
  for (const [target, source] of parameters) {
    if (target.location !== 'header') continue;
    const lower = target.name.toLowerCase();
    const value = resolveRequestParameter(source, input);
    if (value === undefined) continue;
    if (UNMAPPABLE_LAMBDA_REQUEST_HEADERS.has(lower)) return { kind: 'unmappable', header: target.name };
    if (lower === 'x-amz-invocation-type' && value === 'Event') invocationType = 'Event';
  }
  return { kind: 'invoke', invocationType };
}
