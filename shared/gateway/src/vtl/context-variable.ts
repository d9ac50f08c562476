import { putMapEntry } from './java-property-access.js';
import { createContextMap } from './java-values.js';
import type { OpenOverrides } from './mapping-overrides.js';

/**
 * The keys of `$context` in a REST API request template, in the order `$context.keySet()` lists them on
 * AWS (recorded in LocalStack's AWS-validated `test_sqs_amz_json_protocol` snapshot).
 */
export const CONTEXT_KEYS: readonly string[] = [
  'resourceId',
  'resourcePath',
  'httpMethod',
  'extendedRequestId',
  'requestTime',
  'path',
  'accountId',
  'protocol',
  'requestOverride',
  'stage',
  'domainPrefix',
  'requestTimeEpoch',
  'requestId',
  'identity',
  'domainName',
  'deploymentId',
  'responseOverride',
  'apiId',
];

/** The keys of `$context.identity`, in the order AWS lists them (same recording). */
export const IDENTITY_KEYS: readonly string[] = [
  'cognitoIdentityPoolId',
  'accountId',
  'cognitoIdentityId',
  'caller',
  'sourceIp',
  'principalOrgId',
  'accessKey',
  'cognitoAuthenticationType',
  'cognitoAuthenticationProvider',
  'userArn',
  'userAgent',
  'user',
];

/**
 * Builds `$context` for one render: the recorded keys first, in the recorded order (a key the caller did
 * not give is `null`, and renders empty), then the caller's other keys (`error`, `authorizer`, …) in its
 * order. Nested maps are copied into maps that print as `""`, as AWS prints them, so a template cannot change
 * the caller's objects. `requestOverride` and `responseOverride` are the render's override maps.
 */
export function buildContextVariable(
  values: Readonly<Record<string, unknown>>,
  overrides: OpenOverrides,
): Record<string, unknown> {
  const context = Object.create(null) as Record<string, unknown>;
  for (const key of CONTEXT_KEYS) {
    if (key === 'requestOverride') context[key] = overrides.requestOverride;
    else if (key === 'responseOverride') context[key] = overrides.responseOverride;
    else if (key === 'identity') context[key] = identityMap(values.identity);
    else context[key] = contextValue(values[key]);
  }
  for (const key of Object.keys(values)) {
    if (!(key in context)) putMapEntry(context, key, contextValue(values[key]));
  }
  return context;
}

function identityMap(identity: unknown): Record<string, unknown> {
  const map = createContextMap();
  const given = isPlainObject(identity) ? identity : {};
  for (const key of IDENTITY_KEYS) map[key] = contextValue(given[key]);
  for (const key of Object.keys(given)) if (!(key in map)) putMapEntry(map, key, contextValue(given[key]));
  return map;
}

function contextValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (!isPlainObject(value)) return value;
  const map = createContextMap();
  for (const key of Object.keys(value)) putMapEntry(map, key, contextValue(value[key]));
  return map;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
