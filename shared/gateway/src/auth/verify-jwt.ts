import { compactVerify, errors } from 'jose';
import type { TrustedIssuer } from './trusted-issuers.js';

/** What a token must satisfy besides its signature. */
export interface JwtExpectations {
  /**
   * The audiences the token may be for: its `aud` must be one of them, or, when it has no `aud`, its
   * `client_id` (HTTP API JWT authorizers).
   * @default - the audience is not checked (REST API Cognito authorizers)
   */
  readonly audiences?: readonly string[];
  /**
   * The `token_use` the token must have (REST API Cognito authorizers: `id` without scopes, `access` with).
   * @default - not checked
   */
  readonly tokenUse?: 'id' | 'access';
  /**
   * The scopes of the route or method; the token's `scope` (or `scp`) must hold at least one of them.
   * @default - none required
   */
  readonly scopes?: readonly string[];
  /** @default Date.now() */
  readonly now?: number;
}

/** A token that passed every check. */
export interface VerifiedJwt {
  readonly claims: Readonly<Record<string, unknown>>;
  /** The token's scopes (`scope` split on spaces, or `scp`). */
  readonly scopes: readonly string[];
}

/**
 * Why a token was refused: `insufficient-scope` is a valid token without the scopes required; every other
 * kind is an invalid token. `description` is in the words of the `www-authenticate` header of HTTP APIs.
 */
export interface JwtRefusal {
  readonly refused:
    | 'malformed'
    | 'signature'
    | 'issuer'
    | 'audience'
    | 'expired'
    | 'not-yet-valid'
    | 'token-use'
    | 'insufficient-scope';
  readonly description: string;
}

const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/**
 * Verifies a JWT the way API Gateway's JWT and Cognito authorizers do, in the documented order: the token's
 * form, its RSA signature by a key of `trusted` found by `kid`, then `iss`, `aud` (or `client_id`), `exp`,
 * `nbf` and `iat`, `token_use`, and the scopes.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html#http-api-jwt-authorizer.evaluation
 */
export async function verifyJwt(
  token: string,
  trusted: TrustedIssuer,
  expectations: JwtExpectations = {},
): Promise<VerifiedJwt | JwtRefusal> {
  if (token.split('.').length !== 3) {
    return { refused: 'malformed', description: 'token contains an invalid number of segments' };
  }
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(token, trusted.keys, { algorithms: RSA_ALGORITHMS }));
  } catch (error) {
    return { refused: 'signature', description: signatureDescription(error) };
  }
  let claims: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(payload));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    claims = parsed as Record<string, unknown>;
  } catch {
    return { refused: 'malformed', description: 'the token payload is not a JSON object' };
  }
  return checkClaims(claims, trusted.issuer, expectations);
}

function checkClaims(
  claims: Record<string, unknown>,
  issuer: string,
  expectations: JwtExpectations,
): VerifiedJwt | JwtRefusal {
  if (claims.iss !== issuer)
    return { refused: 'issuer', description: 'the token does not have a valid issuer' };
  const { audiences } = expectations;
  if (audiences) {
    const aud = claims.aud === undefined ? claims.client_id : claims.aud;
    const offered = Array.isArray(aud) ? aud : [aud];
    if (!offered.some((value) => typeof value === 'string' && audiences.includes(value))) {
      return { refused: 'audience', description: 'the token does not have a valid audience' };
    }
  }
  const nowSeconds = (expectations.now ?? Date.now()) / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) {
    return { refused: 'expired', description: 'the token has expired' };
  }
  for (const claim of ['nbf', 'iat'] as const) {
    const value = claims[claim];
    if (value !== undefined && (typeof value !== 'number' || value > nowSeconds)) {
      return { refused: 'not-yet-valid', description: `the token is not valid yet (${claim})` };
    }
  }
  if (expectations.tokenUse && claims.token_use !== expectations.tokenUse) {
    return {
      refused: 'token-use',
      description: `the token's token_use is ${JSON.stringify(claims.token_use)}, not "${expectations.tokenUse}"`,
    };
  }
  const scopes = scopesOf(claims);
  const required = expectations.scopes ?? [];
  if (required.length > 0 && !required.some((scope) => scopes.includes(scope))) {
    return { refused: 'insufficient-scope', description: 'the token does not have the required scopes' };
  }
  return { claims, scopes };
}

/** The scopes of a token: `scope` split on spaces, else `scp` (a list or a space-separated string). */
export function scopesOf(claims: Readonly<Record<string, unknown>>): string[] {
  const raw = claims.scope ?? claims.scp;
  if (typeof raw === 'string') return raw.split(' ').filter((scope) => scope !== '');
  if (Array.isArray(raw)) return raw.filter((scope): scope is string => typeof scope === 'string');
  return [];
}

function signatureDescription(error: unknown): string {
  if (error instanceof errors.JWKSNoMatchingKey) return "no key of the issuer matches the token's kid";
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is not signed with an RSA algorithm';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  return 'the token is malformed';
}
