import { describe, expect, it } from 'vitest';
import type { HttpApiModel, RestApiModel } from '../../src/apigw/api-model.js';
import { fitPath, matchHttpRoute, matchRestMethod, matchRestResource } from '../../src/apigw/match-route.js';

const rest: RestApiModel = {
  kind: 'REST',
  stack: 's',
  logicalId: 'Api',
  stages: ['prod'],
  resourcePaths: ['/', '/items', '/items/{id}', '/items/special', '/{proxy+}'],
  methods: [
    {
      logicalId: 'ItemGet',
      httpMethod: 'GET',
      resourcePath: '/items/{id}',
      integrationType: 'MOCK',
      integrationResponses: [],
    },
    {
      logicalId: 'ItemAny',
      httpMethod: 'ANY',
      resourcePath: '/items/{id}',
      integrationType: 'MOCK',
      integrationResponses: [],
    },
  ],
  gatewayResponses: [],
};

describe('fitPath', () => {
  it('fits literal parts, parameters and a greedy last part, and nothing longer or shorter', () => {
    expect(fitPath('/items/{id}', '/items/42')).toEqual([3, 2]);
    expect(fitPath('/{proxy+}', '/a/b/c')).toEqual([1]);
    expect(fitPath('/items', '/items/42')).toBeUndefined();
    expect(fitPath('/{proxy+}', '/')).toBeUndefined();
  });
});

describe('matchRestResource', () => {
  it('prefers literal parts to parameters, and parameters to a greedy path', () => {
    expect(matchRestResource(rest, '/items/special')).toBe('/items/special');
    expect(matchRestResource(rest, '/items/42')).toBe('/items/{id}');
    expect(matchRestResource(rest, '/other/thing')).toBe('/{proxy+}');
  });
});

describe('matchRestMethod', () => {
  it('prefers the exact method to ANY', () => {
    expect(matchRestMethod(rest, '/items/{id}', 'get')?.logicalId).toBe('ItemGet');
    expect(matchRestMethod(rest, '/items/{id}', 'DELETE')?.logicalId).toBe('ItemAny');
    expect(matchRestMethod(rest, '/items', 'GET')).toBeUndefined();
  });
});

describe('matchHttpRoute', () => {
  const http: HttpApiModel = {
    kind: 'HTTP',
    stack: 's',
    logicalId: 'Http',
    stages: ['$default'],
    routes: [
      { logicalId: 'Get', routeKey: 'GET /items/{id}' },
      { logicalId: 'Any', routeKey: 'ANY /items/{id}' },
      { logicalId: 'Default', routeKey: '$default' },
    ],
  };

  it('prefers the exact method, then ANY, then $default', () => {
    expect(matchHttpRoute(http, 'GET', '/items/1')?.logicalId).toBe('Get');
    expect(matchHttpRoute(http, 'PUT', '/items/1')?.logicalId).toBe('Any');
    expect(matchHttpRoute(http, 'GET', '/else')?.logicalId).toBe('Default');
  });
});
