import { decodeJwt } from 'jose';
import { verifyJwt } from '../../auth/verify-jwt.js';
import { type GatewayResponse, headerValue } from '../../server/gateway-request.js';
import type { RestCognitoAuthorizer } from '../rest-authorizer-model.js';
import type { RequestState } from './request-state.js';

/** What API Gateway answers for an expired token, instead of the 401's usual `Unauthorized`. */
const EXPIRED = 'The incoming token has expired';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A Cognito user pool authorizer: the token of the identity source (bare or after `Bearer `) must be signed
 * by one of the authorizer's pools and unexpired; without `AuthorizationScopes` it must be an ID token, with
 * them an access token holding one of the scopes; an `IdentityValidationExpression` must match its `aud`.
 * Any failure is 401 `{"message":"Unauthorized"}`, an expired token 401
 * `{"message":"The incoming token has expired"}`. The claims reach the integration as
 * `$context.authorizer.claims`, every value a string.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html
 */
export async function authorizeWithCognito(
  state: RequestState,
  authorizer: RestCognitoAuthorizer,
  scopes: readonly string[],
): Promise<GatewayResponse | undefined> {
  const refuse = (reason: string, message?: string) => {
    state.logger.info(`${state.requestId} ${authorizer.logicalId}: ${reason}`);
    return state.fail(
      'UNAUTHORIZED',
      message ? { message, body: `{"message":${JSON.stringify(message)}}` } : {},
    );
  };
  const source = authorizer.identitySources[0]!;
  const raw = headerValue(state.request.rawHeaders, source.name.toLowerCase())?.trim();
  if (!raw) return refuse(`no token in ${source.expression}`);
  const token = raw.replace(/^Bearer\s+/i, '');
  let iss: unknown;
  try {
    iss = decodeJwt(token).iss;
  } catch {
    return refuse('the token is not a JWT');
  }
  const trusted = authorizer.issuers.find((candidate) => candidate.issuer === iss);
  if (!trusted)
    return refuse(`the token's issuer ${JSON.stringify(iss)} is not a user pool of the authorizer`);
  const verified = await verifyJwt(token, trusted, {
    tokenUse: scopes.length > 0 ? 'access' : 'id',
    scopes,
  });
  if ('refused' in verified) {
    return verified.refused === 'expired'
      ? refuse(verified.description, EXPIRED)
      : refuse(verified.description);
  }
  const { claims } = verified;
  if (authorizer.validationExpression && !authorizer.validationExpression.test(String(claims.aud ?? ''))) {
    return refuse(`the token's aud ${JSON.stringify(claims.aud)} does not match the validation expression`);
  }
  state.authorize({ claims: restClaims(claims) });
  return undefined;
}

/**
 * The claims as a REST API passes them on: every value a string — `exp` and `iat` as Java prints a date
 * (`Mon Jun 15 05:56:21 UTC 2026`), other numbers and booleans as their text, lists joined with `,`.
 */
export function restClaims(claims: Readonly<Record<string, unknown>>): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') rendered[name] = javaDate(value);
    else if (Array.isArray(value)) rendered[name] = value.map(String).join(',');
    else if (typeof value === 'object' && value !== null) rendered[name] = JSON.stringify(value);
    else rendered[name] = String(value);
  }
  return rendered;
}

function javaDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}
