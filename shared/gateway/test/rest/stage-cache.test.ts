import { describe, expect, it } from 'vitest';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { refuseStageCache } from '../../src/rest/stage-cache.js';

const resolver = new IntrinsicResolver({ Resources: {} }, 's', localPseudoParameters({}));
const check = (resource: { Type: string; Properties: Record<string, unknown> }) =>
  refuseStageCache(resolver, 'Stage', resource, 'T.json');

describe('refuseStageCache', () => {
  it('refuses a method with caching enabled, naming the method and the docs', () => {
    expect(() =>
      check({
        Type: 'AWS::ApiGateway::Stage',
        Properties: {
          MethodSettings: [{ ResourcePath: '/~1items', HttpMethod: 'GET', CachingEnabled: true }],
        },
      }),
    ).toThrow(
      'T.json (Stage): MethodSettings enable CachingEnabled for GET /~1items: the local gateway has no stage cache',
    );
  });

  it("refuses the caching a deployment's StageDescription enables for the whole stage", () => {
    expect(() =>
      check({
        Type: 'AWS::ApiGateway::Deployment',
        Properties: { StageName: 'prod', StageDescription: { CachingEnabled: true } },
      }),
    ).toThrow(/CachingEnabled for \* \/\*/);
  });

  it('refuses a cache cluster unless caching is turned off stage-wide', () => {
    expect(() =>
      check({ Type: 'AWS::ApiGateway::Stage', Properties: { CacheClusterEnabled: true } }),
    ).toThrow(
      /CacheClusterEnabled is true: once a stage has a cache, API Gateway caches its GET methods by default/,
    );
    expect(() =>
      check({
        Type: 'AWS::ApiGateway::Stage',
        Properties: {
          CacheClusterEnabled: true,
          MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', CachingEnabled: false }],
        },
      }),
    ).not.toThrow();
  });

  it('leaves throttling alone', () => {
    expect(() =>
      check({
        Type: 'AWS::ApiGateway::Stage',
        Properties: { MethodSettings: [{ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 1 }] },
      }),
    ).not.toThrow();
  });
});
