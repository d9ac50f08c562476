import { describe, expect, it } from 'vitest';
import {
  type IdentityLookups,
  identityValues,
  parseHttpIdentitySource,
  parseRestIdentitySource,
} from '../../src/auth/identity-source.js';

const lookups: IdentityLookups = {
  header: (name) => ({ authorization: 'token', empty: ' ' })[name.toLowerCase()],
  querystring: (name) => ({ q: '1' })[name],
  context: (name) => ({ 'identity.sourceIp': '127.0.0.1' })[name],
  stageVariable: (name) => ({ tier: 'gold' })[name],
};

describe('identity sources', () => {
  it('parses the four REST forms', () => {
    expect(
      [
        'method.request.header.Authorization',
        'method.request.querystring.q',
        'stageVariables.tier',
        'context.identity.sourceIp',
      ].map((expression) => parseRestIdentitySource(expression)?.location),
    ).toEqual(['header', 'querystring', 'stageVariables', 'context']);
  });

  it('parses the four HTTP API forms', () => {
    expect(
      [
        '$request.header.Authorization',
        '$request.querystring.q',
        '$stageVariables.tier',
        '$context.routeKey',
      ].map((expression) => parseHttpIdentitySource(expression)),
    ).toEqual([
      { location: 'header', name: 'Authorization', expression: '$request.header.Authorization' },
      { location: 'querystring', name: 'q', expression: '$request.querystring.q' },
      { location: 'stageVariables', name: 'tier', expression: '$stageVariables.tier' },
      { location: 'context', name: 'routeKey', expression: '$context.routeKey' },
    ]);
  });

  it('refuses an expression of the other kind of API, or of no kind', () => {
    expect(parseRestIdentitySource('$request.header.Authorization')).toBeUndefined();
    expect(parseHttpIdentitySource('method.request.header.Authorization')).toBeUndefined();
    expect(parseRestIdentitySource('method.request.path.id')).toBeUndefined();
    expect(parseRestIdentitySource('method.request.header.')).toBeUndefined();
  });

  it('gives the values in order when every source has one', () => {
    const sources = [
      'method.request.header.Authorization',
      'context.identity.sourceIp',
      'stageVariables.tier',
    ].map((expression) => parseRestIdentitySource(expression)!);

    expect(identityValues(sources, lookups)).toEqual(['token', '127.0.0.1', 'gold']);
  });

  it('gives nothing when one source is missing or blank', () => {
    const missing = [parseRestIdentitySource('method.request.querystring.other')!];
    const blank = [parseRestIdentitySource('method.request.header.Empty')!];

    expect(identityValues(missing, lookups)).toBeUndefined();
    expect(identityValues(blank, lookups)).toBeUndefined();
  });
});
