import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localSigningKey, signLocalToken } from '../../src/auth/local-issuer.js';
import { TrustedIssuers } from '../../src/auth/trusted-issuers.js';
import type { UserPoolDefinition } from '../../src/auth/user-pools.js';
import { scopesOf, verifyJwt } from '../../src/auth/verify-jwt.js';

const keyDir = mkdtempSync(join(tmpdir(), 'verify-jwt-'));
const POOL: UserPoolDefinition = {
  stackName: 's',
  logicalId: 'Pool',
  poolId: 'us-east-1_abc',
  arn: 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc',
  issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc',
  clients: [],
};
const trusted = new TrustedIssuers([POOL], {}, keyDir).issuer(POOL.issuer)!;
const now = Math.floor(Date.now() / 1000);
const sign = (claims: Record<string, unknown>) =>
  signLocalToken(localSigningKey(keyDir), { iss: POOL.issuer, exp: now + 60, ...claims });

describe('verifyJwt', () => {
  it('accepts a valid token and gives its claims and scopes', async () => {
    const verified = await verifyJwt(await sign({ aud: 'client', scope: 'a b' }), trusted, {
      audiences: ['client'],
    });

    expect(verified).toMatchObject({ claims: { aud: 'client' }, scopes: ['a', 'b'] });
  });

  it.each([
    ['not.a', {}, {}, 'malformed', 'token contains an invalid number of segments'],
    [undefined, { iss: 'https://elsewhere' }, {}, 'issuer', 'the token does not have a valid issuer'],
    [
      undefined,
      { aud: 'other' },
      { audiences: ['client'] },
      'audience',
      'the token does not have a valid audience',
    ],
    [undefined, { exp: now - 1 }, {}, 'expired', 'the token has expired'],
    [undefined, { exp: undefined }, {}, 'expired', 'the token has expired'],
    [undefined, { nbf: now + 600 }, {}, 'not-yet-valid', 'the token is not valid yet (nbf)'],
    [
      undefined,
      { token_use: 'access' },
      { tokenUse: 'id' },
      'token-use',
      `the token's token_use is "access", not "id"`,
    ],
    [
      undefined,
      { scope: 'b' },
      { scopes: ['a'] },
      'insufficient-scope',
      'the token does not have the required scopes',
    ],
  ] as const)('refuses %s %j %j as %s', async (raw, claims, expectations, refused, description) => {
    const token = raw ?? (await sign(claims));

    expect(await verifyJwt(token, trusted, expectations)).toEqual({ refused, description });
  });

  it('checks client_id only when the token has no aud, as HTTP API JWT authorizers do', async () => {
    const accessToken = await sign({ client_id: 'client' });
    const both = await sign({ aud: 'other', client_id: 'client' });

    expect('claims' in (await verifyJwt(accessToken, trusted, { audiences: ['client'] }))).toBe(true);
    expect(await verifyJwt(both, trusted, { audiences: ['client'] })).toMatchObject({ refused: 'audience' });
  });

  it('refuses a token whose signature was tampered with', async () => {
    const [header, , signature] = (await sign({})).split('.');
    const payload = Buffer.from(JSON.stringify({ iss: POOL.issuer, exp: now + 60, admin: true })).toString(
      'base64url',
    );

    expect(await verifyJwt(`${header}.${payload}.${signature}`, trusted)).toEqual({
      refused: 'signature',
      description: 'the token signature is invalid',
    });
  });
});

describe('scopesOf', () => {
  it('reads scope as a space-separated string and scp as a list', () => {
    expect(scopesOf({ scope: 'a  b' })).toEqual(['a', 'b']);
    expect(scopesOf({ scp: ['x', 1] })).toEqual(['x']);
    expect(scopesOf({})).toEqual([]);
  });
});
