import { verifyJwt } from '../auth/verify-jwt.js';
import type { HttpJwtAuthorizer } from './http-authorizer-model.js';
import {
  FORBIDDEN_BODY,
  type HttpAuthorizationInput,
  type HttpAuthorizerResult,
  type HttpRefusal,
  httpIdentityLookups,
  UNAUTHORIZED_BODY,
} from './http-authorizer-result.js';

/**
 * A JWT authorizer: the token of the identity source (bare or after `Bearer `) must be an RSA-signed JWT of
 * the configured issuer, for one of its audiences (`aud`, else `client_id`), unexpired and already valid, and
 * hold one of the route's scopes when it has some. A missing token is `401` with `www-authenticate: Bearer`;
 * an invalid one `401` with `Bearer scope="…" error="invalid_token" error_description="…"`; a valid one
 * without the scopes `403 {"message":"Forbidden"}` with `error="insufficient_scope"`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html
 */
export async function authorizeWithJwt(
  input: HttpAuthorizationInput,
  authorizer: HttpJwtAuthorizer,
  scopes: readonly string[],
): Promise<HttpAuthorizerResult | HttpRefusal> {
  const { event, logger } = input;
  const lookups = httpIdentityLookups(event);
  const source = authorizer.identitySource;
  const raw = (
    source.location === 'header' ? lookups.header(source.name) : lookups.querystring(source.name)
  )?.trim();
  if (!raw) {
    logger.info(`${event.requestId} ${authorizer.logicalId}: no token in ${source.expression}`);
    return { status: 401, body: UNAUTHORIZED_BODY, headers: [['www-authenticate', 'Bearer']] };
  }
  const verified = await verifyJwt(raw.replace(/^Bearer\s+/i, ''), authorizer.issuer, {
    ...(authorizer.audiences.length > 0 ? { audiences: authorizer.audiences } : {}),
    scopes,
  });
  if ('refused' in verified) {
    logger.info(`${event.requestId} ${authorizer.logicalId}: ${verified.description}`);
    const insufficient = verified.refused === 'insufficient-scope';
    const challenge = `Bearer scope="${scopes.join(' ')}" error="${insufficient ? 'insufficient_scope' : 'invalid_token'}" error_description="${verified.description}"`;
    return {
      status: insufficient ? 403 : 401,
      body: insufficient ? FORBIDDEN_BODY : UNAUTHORIZED_BODY,
      headers: [['www-authenticate', challenge]],
    };
  }
  return {
    kind: 'jwt',
    claims: httpClaims(verified.claims),
    scopes: verified.scopes.length > 0 ? verified.scopes : null,
  };
}

/**
 * The claims as an HTTP API passes them on: every value a string, numbers and booleans as their text, a list
 * as `[a b]`, an object as its JSON.
 */
export function httpClaims(claims: Readonly<Record<string, unknown>>): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (Array.isArray(value)) rendered[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object' && value !== null) rendered[name] = JSON.stringify(value);
    else rendered[name] = String(value);
  }
  return rendered;
}
