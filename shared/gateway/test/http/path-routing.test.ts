import { describe, expect, it } from 'vitest';
import { HttpRouter } from '../../src/http/http-router.js';
import { PathRouting } from '../../src/http/path-routing.js';
import { route } from '../support/http-route.js';

const stage = { name: '$default', variables: null, throttling: { defaults: undefined, routes: new Map() } };
const router = new HttpRouter([route('GET /items'), route('GET /items/{id}')]);

describe('PathRouting', () => {
  it('finds the same route as the router, method by method, and no route where it finds none', () => {
    const routing = new PathRouting({ stage, segments: ['items'] }, router);

    expect(routing.match('GET')?.route.key.text).toBe('GET /items');
    expect(routing.match('GET')?.route.key.text).toBe('GET /items');
    expect(routing.match('POST')).toBeUndefined();
    expect(routing.match('POST')).toBeUndefined();
  });

  it('gives each request its own path parameters', () => {
    const routing = new PathRouting({ stage, segments: ['items', '1'] }, router);

    const first = routing.match('GET');
    const second = routing.match('GET');

    expect(second?.pathParameters).toEqual({ id: '1' });
    expect(second?.pathParameters).not.toBe(first?.pathParameters);
  });
});
