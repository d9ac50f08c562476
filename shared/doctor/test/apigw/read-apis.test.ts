import { loadAssembly } from '@cors-workshop/gateway/assembly';
import { describe, expect, it } from 'vitest';
import type { HttpApiModel, RestApiModel } from '../../src/apigw/api-model.js';
import { readApis } from '../../src/apigw/read-apis.js';
import { fixtureAssembly } from '../fixtures/fixture-assembly.js';

const apis = readApis(loadAssembly(await fixtureAssembly()));

describe('readApis', () => {
  it('lists the APIs in the order the local gateway serves them: REST first, then HTTP', () => {
    expect(apis.map((api) => `${api.kind} ${api.logicalId}`)).toEqual([
      'REST ShopRestApiC45F830D',
      'REST ErrorsRestApi40436026',
      'HTTP OpenHttpApiE17668AD',
      'HTTP ListedHttpApi1FAA31F8',
      'HTTP BareHttpApi187E1145',
    ]);
  });

  it("reads a REST API's resource paths, methods, functions, mappings and gateway responses", () => {
    const shop = apis[0] as RestApiModel;
    expect(shop.stages).toEqual(['prod']);
    expect(shop.resourcePaths).toEqual(['/', '/items', '/status']);
    const get = shop.methods.find(
      (method) => method.httpMethod === 'GET' && method.resourcePath === '/items',
    );
    expect(get).toMatchObject({ integrationType: 'AWS_PROXY', functionId: 'ListedFn5E998D13' });
    const options = shop.methods.find(
      (method) => method.httpMethod === 'OPTIONS' && method.resourcePath === '/items',
    )!;
    expect(options.integrationResponses[0]!.headers.get('access-control-allow-origin')?.expression).toBe(
      "'http://localhost:5173'",
    );
    expect(options.integrationResponses[0]!.overriddenHeaders).toEqual(['access-control-allow-origin']);
    const errors = apis[1] as RestApiModel;
    expect(errors.gatewayResponses.map((response) => response.responseType)).toEqual([
      'DEFAULT_4XX',
      'DEFAULT_5XX',
    ]);
  });

  it("reads an HTTP API's CorsConfiguration and the function behind each route", () => {
    const listed = apis[3] as HttpApiModel;
    expect(listed.cors).toEqual({
      allowOrigins: ['http://localhost:5173', 'https://app.example.com'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['content-type', 'authorization'],
      exposeHeaders: ['x-trace-id'],
      allowCredentials: true,
    });
    expect(listed.routes.map((route) => [route.routeKey, route.functionId])).toEqual([
      ['GET /profile', 'ListedFn5E998D13'],
      ['POST /profile', 'ListedFn5E998D13'],
    ]);
    expect((apis[4] as HttpApiModel).cors).toBeUndefined();
  });
});
