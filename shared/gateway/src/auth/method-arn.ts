/** What identifies one request in an `execute-api` ARN. */
export interface MethodArnParts {
  readonly region: string;
  readonly accountId: string;
  readonly apiId: string;
  /** The stage's name, e.g. `prod` or `$default`. */
  readonly stage: string;
  /** The request's method, e.g. `GET` (never `ANY`). */
  readonly httpMethod: string;
  /** The request's path below the stage, starting with `/`, e.g. `/pets/42` (`/` for the root). */
  readonly path: string;
}

/**
 * The ARN a Lambda authorizer's policy is evaluated against (`methodArn` of a REST authorizer's event,
 * `routeArn` of an HTTP API's): `arn:aws:execute-api:{region}:{account}:{api}/{stage}/{method}/{path}`, with
 * the path as requested below the stage (the root gives a trailing `/`).
 * @example
 * ```ts
 * methodArn({ region: 'us-east-1', accountId: '123456789012', apiId: 'a1b2c3', stage: 'prod',
 *   httpMethod: 'GET', path: '/pets/42' });
 * // 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3/prod/GET/pets/42'
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export function methodArn(parts: MethodArnParts): string {
  const path = parts.path.startsWith('/') ? parts.path.slice(1) : parts.path;
  return `arn:aws:execute-api:${parts.region}:${parts.accountId}:${parts.apiId}/${parts.stage}/${parts.httpMethod}/${path}`;
}
