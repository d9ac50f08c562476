import { describe, expect, it } from 'vitest';
import { HttpRouter } from '../../src/http/http-router.js';
import { route } from '../support/http-route.js';

function routeFor(router: HttpRouter, method: string, path: string): string | undefined {
  return router.match(path.split('/').filter(Boolean), method)?.route.key.text;
}

describe('HttpRouter', () => {
  // The example of the API Gateway developer guide ("Routing API requests"), plus $default.
  const router = new HttpRouter([
    route('GET /pets/dog/1'),
    route('GET /pets/dog/{id}'),
    route('GET /pets/{proxy+}'),
    route('ANY /{proxy+}'),
    route('$default'),
  ]);

  it.each([
    ['GET', '/pets/dog/1', 'GET /pets/dog/1'],
    ['GET', '/pets/dog/2', 'GET /pets/dog/{id}'],
    ['GET', '/pets/cat/1', 'GET /pets/{proxy+}'],
    ['POST', '/pets/dog/1', 'ANY /{proxy+}'],
    ['GET', '/', '$default'],
  ])('sends %s %s to %s', (method, path, expected) => {
    expect(routeFor(router, method, path)).toBe(expected);
  });

  it('prefers a literal segment to a path variable, whatever the order of the routes', () => {
    const reversed = new HttpRouter([route('GET /items/{id}'), route('GET /items/new')]);

    expect(routeFor(reversed, 'GET', '/items/new')).toBe('GET /items/new');
    expect(routeFor(reversed, 'GET', '/items/7')).toBe('GET /items/{id}');
  });

  it("uses ANY for the methods a path has no route of its own for, before a less specific path's method", () => {
    const mixed = new HttpRouter([
      route('GET /items/{id}'),
      route('ANY /items/new'),
      route('POST /items/new'),
    ]);

    expect(routeFor(mixed, 'POST', '/items/new')).toBe('POST /items/new');
    expect(routeFor(mixed, 'GET', '/items/new')).toBe('ANY /items/new');
  });

  it('falls back to a less specific path when the most specific one lacks the method', () => {
    const partial = new HttpRouter([route('POST /items/new'), route('GET /items/{id}')]);

    expect(routeFor(partial, 'GET', '/items/new')).toBe('GET /items/{id}');
  });

  it('needs at least one segment for a greedy variable, and prefers the longest fixed part', () => {
    const greedy = new HttpRouter([route('ANY /{proxy+}'), route('ANY /files/{path+}')]);

    expect(routeFor(greedy, 'GET', '/files')).toBe('ANY /{proxy+}');
    expect(routeFor(greedy, 'GET', '/files/a/b')).toBe('ANY /files/{path+}');
    expect(routeFor(greedy, 'GET', '/')).toBeUndefined();
  });

  it('decodes path parameters and the greedy remainder', () => {
    const decoding = new HttpRouter([route('GET /items/{id}'), route('GET /files/{path+}')]);

    expect(decoding.match(['items', 'a%20b'], 'GET')?.pathParameters).toEqual({ id: 'a b' });
    expect(decoding.match(['files', 'x', 'y%2Fz.txt'], 'GET')?.pathParameters).toEqual({ path: 'x/y/z.txt' });
    expect(decoding.match(['items', '%E0%A4%A'], 'GET')?.pathParameters).toEqual({ id: '%E0%A4%A' });
  });

  it('gives null path parameters to routes without variables', () => {
    const literal = new HttpRouter([route('GET /a/b')]);

    expect(literal.match(['a', 'b'], 'GET')).toMatchObject({ pathParameters: null });
  });

  it('matches methods exactly, so HEAD needs a HEAD or ANY route', () => {
    const getOnly = new HttpRouter([route('GET /')]);

    expect(routeFor(getOnly, 'HEAD', '/')).toBeUndefined();
  });
});
