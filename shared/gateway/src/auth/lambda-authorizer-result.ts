import { type CompiledPolicy, compilePolicy } from './iam-policy.js';

/** A Lambda authorizer's answer in the IAM policy form (REST APIs; HTTP APIs without simple responses). */
export interface PolicyAuthorizerResult {
  readonly kind: 'policy';
  /** `principalId`, when the function returned one. */
  readonly principalId: string | undefined;
  readonly policy: CompiledPolicy;
  /** `context`, as returned (REST values are strings, numbers or booleans). */
  readonly context: Readonly<Record<string, unknown>>;
  /** `usageIdentifierKey`: the API key of a usage plan whose key source is `AUTHORIZER`. */
  readonly usageIdentifierKey: string | undefined;
}

/** A Lambda authorizer's simple answer (HTTP APIs with `EnableSimpleResponses`). */
export interface SimpleAuthorizerResult {
  readonly kind: 'simple';
  readonly isAuthorized: boolean;
  readonly context: Readonly<Record<string, unknown>>;
}

/** Why API Gateway cannot use what the function returned. */
export interface InvalidAuthorizerResult {
  readonly invalid: string;
}

/**
 * Reads the IAM policy answer of a Lambda authorizer from the function's JSON result: a `policyDocument`
 * (required), `principalId`, `context` and `usageIdentifierKey`. With `flatContext` (REST APIs and HTTP API
 * payload 1.0) a context value must be a string, a number or a boolean, never an object or a list.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export function readPolicyResult(
  payload: string,
  flatContext: boolean,
): PolicyAuthorizerResult | InvalidAuthorizerResult {
  const parsed = parseObject(payload);
  if ('invalid' in parsed) return parsed;
  const result = parsed.object;
  const policy = compilePolicy(result.policyDocument);
  if ('invalid' in policy) return { invalid: `Could not parse policy: ${policy.invalid}` };
  const principalId = result.principalId;
  if (principalId !== undefined && principalId !== null && typeof principalId !== 'string') {
    return { invalid: `principalId must be a string, got ${JSON.stringify(principalId)}` };
  }
  const context = readContext(result.context, flatContext);
  if ('invalid' in context) return context;
  const key = result.usageIdentifierKey;
  return {
    kind: 'policy',
    principalId: principalId ?? undefined,
    policy,
    context: context.value,
    usageIdentifierKey: typeof key === 'string' ? key : undefined,
  };
}

/**
 * Reads the simple answer of an HTTP API Lambda authorizer: `isAuthorized` (a boolean, required) and an
 * optional `context` of any JSON values.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html#http-api-lambda-authorizer.v2
 */
export function readSimpleResult(payload: string): SimpleAuthorizerResult | InvalidAuthorizerResult {
  const parsed = parseObject(payload);
  if ('invalid' in parsed) return parsed;
  const result = parsed.object;
  if (typeof result.isAuthorized !== 'boolean') {
    return { invalid: `isAuthorized must be true or false, got ${JSON.stringify(result.isAuthorized)}` };
  }
  const context = readContext(result.context, false);
  if ('invalid' in context) return context;
  return { kind: 'simple', isAuthorized: result.isAuthorized, context: context.value };
}

function parseObject(payload: string): { object: Record<string, unknown> } | InvalidAuthorizerResult {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return { invalid: `the result is not JSON: ${payload.slice(0, 200)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { invalid: `Authorizer result body before parsing: ${payload.slice(0, 200)}` };
  }
  return { object: value as Record<string, unknown> };
}

function readContext(
  raw: unknown,
  flat: boolean,
): { value: Record<string, unknown> } | InvalidAuthorizerResult {
  if (raw === undefined || raw === null) return { value: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { invalid: `context must be an object, got ${JSON.stringify(raw)}` };
  }
  const value: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(raw)) {
    if (entry === null) continue;
    if (flat && typeof entry === 'object') {
      return {
        invalid: `context.${key} is ${JSON.stringify(entry)}; a context value must be a string, a number or a boolean`,
      };
    }
    value[key] = entry;
  }
  return { value };
}
