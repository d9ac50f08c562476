import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.js';
import { httpEvent } from './fixtures/events.js';

describe('package entry', () => {
  it('exposes the factory and every building block', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'CORS_RESPONSE_HEADER_NAMES',
      'DEFAULT_ALLOW_HEADERS',
      'DEFAULT_ALLOW_METHODS',
      'corsPolicy',
      'createCorsHeaderBuilder',
      'createOriginMatcher',
      'createWrap',
      'isPreflight',
      'isSerializedOrigin',
      'mergeVary',
      'requestHeader',
      'requestMethod',
      'resolveCorsPolicy',
      'serializeOrigin',
      'toStructuredResult',
      'withCorsHeaders',
    ]);
  });

  it('builds a working policy from the entry alone', () => {
    const cors = entry.corsPolicy({ allowOrigins: ['https://app.example.com'] });
    expect(cors.headersFor(httpEvent({ headers: { Origin: 'https://app.example.com' } }))).toEqual({
      'Access-Control-Allow-Origin': 'https://app.example.com',
      Vary: 'Origin',
    });
  });
});
