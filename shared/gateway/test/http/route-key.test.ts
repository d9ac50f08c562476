import { describe, expect, it } from 'vitest';
import { parseRouteKey } from '../../src/http/route-key.js';

describe('parseRouteKey', () => {
  it('reads $default as the catch-all route', () => {
    expect(parseRouteKey('$default')).toEqual({ kind: 'default', text: '$default' });
  });

  it('splits a key into its method, path and segments', () => {
    expect(parseRouteKey('GET /items/{id}/files/{path+}')).toEqual({
      kind: 'route',
      text: 'GET /items/{id}/files/{path+}',
      method: 'GET',
      path: '/items/{id}/files/{path+}',
      segments: [
        { kind: 'literal', text: 'items' },
        { kind: 'parameter', name: 'id' },
        { kind: 'literal', text: 'files' },
        { kind: 'greedy', name: 'path' },
      ],
    });
  });

  it('reads the root path as a route without segments', () => {
    expect(parseRouteKey('ANY /')).toMatchObject({ kind: 'route', method: 'ANY', segments: [] });
  });

  it.each([
    ['GET', 'must be "$default" or "METHOD /path"'],
    ['FETCH /items', 'has method "FETCH"'],
    ['get /items', 'has method "get"'],
    ['GET items', 'must have a path starting with "/"'],
    ['GET /{proxy+}/more', 'before the end of the path'],
    ['GET /items/{id', 'malformed path variable'],
    ['GET /{id}/{id}', 'names the path variable "id" twice'],
  ])('refuses %j, saying why', (key, reason) => {
    const result = parseRouteKey(key);

    expect(typeof result).toBe('string');
    expect(result).toContain(reason);
    expect(result).toContain(JSON.stringify(key));
  });
});
