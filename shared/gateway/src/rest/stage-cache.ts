import type { CfnResource } from '../assembly/cfn-template.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import { GatewayConfigError } from '../errors.js';

/**
 * Refuses a stage that caches answers — a `MethodSettings` entry (of an `AWS::ApiGateway::Stage`, or of the
 * `StageDescription` of the `AWS::ApiGateway::Deployment` that creates it) with `CachingEnabled: true`, or a
 * cache cluster (`CacheClusterEnabled`) without caching turned off for every method, since API Gateway then
 * caches GET methods by default: the gateway has no stage cache, so a cached method's answers would differ
 * from AWS's. Throttling settings are read with the stage (`RestStage.throttling`).
 * @throws GatewayConfigError naming the stage and the method that caches
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
 */
export function refuseStageCache(
  resolver: IntrinsicResolver,
  logicalId: string,
  resource: CfnResource,
  templateFile: string,
): void {
  const props = resource.Properties ?? {};
  const fail = (message: string): never => {
    throw new GatewayConfigError(`${message} (see docs/behaviour.md#stages-and-method-settings)`, {
      file: templateFile,
      resource: logicalId,
    });
  };
  const isDeployment = resource.Type === 'AWS::ApiGateway::Deployment';
  const stage = (
    isDeployment ? resolver.resolve(props.StageDescription ?? {}) : resolver.resolve(props)
  ) as Record<string, unknown>;
  const entries = [...((stage.MethodSettings as Array<Record<string, unknown>> | undefined) ?? [])];
  if (isDeployment && stage.CachingEnabled !== undefined) {
    entries.unshift({ ResourcePath: '/*', HttpMethod: '*', CachingEnabled: stage.CachingEnabled });
  }
  for (const entry of entries) {
    if (isTrue(entry.CachingEnabled)) {
      fail(
        `MethodSettings enable CachingEnabled for ${String(entry.HttpMethod ?? '*')} ${String(entry.ResourcePath ?? '/*')}: the local gateway has no stage cache, so a cached method would answer differently from AWS; serve it with caching off`,
      );
    }
  }
  const stageWide = entries.find((e) => (e.ResourcePath ?? '/*') === '/*' && (e.HttpMethod ?? '*') === '*');
  if (isTrue(stage.CacheClusterEnabled) && !isFalse(stageWide?.CachingEnabled)) {
    fail(
      'CacheClusterEnabled is true: once a stage has a cache, API Gateway caches its GET methods by default, and the local gateway has no stage cache; set CachingEnabled false for /* * in MethodSettings, or leave the cache cluster off',
    );
  }
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}
