import type { CfnResource } from '../assembly/cfn-template.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import { stableId } from '../assembly/physical-ids.js';
import { readThrottle } from '../limits/limit-settings.js';
import type {
  ApiKeyEntry,
  ApiKeysModel,
  QuotaSettings,
  ThrottleSettings,
  UsagePlanGrant,
} from './usage-plan-model.js';

/** A usage plan or key could not be read; `resource` is the logical ID to name. */
export class UsagePlanConfigError extends Error {
  override readonly name = 'UsagePlanConfigError';
  constructor(
    message: string,
    readonly resource: string,
  ) {
    super(message);
  }
}

function readQuota(value: unknown, planId: string): QuotaSettings | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { Limit, Period, Offset } = value as Record<string, unknown>;
  if (Period !== 'DAY' && Period !== 'WEEK' && Period !== 'MONTH') {
    throw new UsagePlanConfigError(`Invalid quota period specified: ${JSON.stringify(Period)}`, planId);
  }
  return { limit: Number(Limit), period: Period, offset: Offset === undefined ? 0 : Number(Offset) };
}

/**
 * The API keys that requests to `apiId` may carry, with what each key's usage plans grant on this API's
 * stages. A key whose template sets no `Value` gets one derived from its stack and logical ID, so it stays
 * the same across restarts (AWS would generate a random one); the gateway prints it at start.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export function readApiKeys(
  apiId: string,
  apiKeySource: 'HEADER' | 'AUTHORIZER' | undefined,
  stackName: string,
  resources: ReadonlyArray<readonly [string, CfnResource]>,
  resolver: IntrinsicResolver,
): ApiKeysModel {
  const plans = new Map<string, UsagePlanGrant[]>();
  for (const [logicalId, r] of resources) {
    if (r.Type !== 'AWS::ApiGateway::UsagePlan') continue;
    const props = resolver.resolve(r.Properties ?? {}) as Record<string, unknown>;
    const grants: UsagePlanGrant[] = [];
    for (const apiStage of (props.ApiStages as Array<Record<string, unknown>> | undefined) ?? []) {
      if (apiStage.ApiId !== apiId) continue;
      const methodThrottles = new Map<string, ThrottleSettings>();
      for (const [key, throttle] of Object.entries((apiStage.Throttle as object | undefined) ?? {})) {
        const settings = readThrottle(throttle);
        if (settings) methodThrottles.set(key, settings);
      }
      grants.push({
        planLogicalId: logicalId,
        stage: String(apiStage.Stage),
        throttle: readThrottle(props.Throttle),
        quota: readQuota(props.Quota, logicalId),
        methodThrottles,
      });
    }
    plans.set(String(resolver.ref(logicalId)), grants);
  }
  const grantsByKey = new Map<string, UsagePlanGrant[]>();
  for (const [logicalId, r] of resources) {
    if (r.Type !== 'AWS::ApiGateway::UsagePlanKey') continue;
    const props = resolver.resolve(r.Properties ?? {}) as Record<string, unknown>;
    const grants = plans.get(String(props.UsagePlanId));
    if (!grants) {
      throw new UsagePlanConfigError(
        `Invalid Usage Plan ID specified: ${String(props.UsagePlanId)}`,
        logicalId,
      );
    }
    const keyId = String(props.KeyId);
    grantsByKey.set(keyId, [...(grantsByKey.get(keyId) ?? []), ...grants]);
  }
  const byValue = new Map<string, ApiKeyEntry>();
  for (const [logicalId, r] of resources) {
    if (r.Type !== 'AWS::ApiGateway::ApiKey') continue;
    const props = resolver.resolve(r.Properties ?? {}) as Record<string, unknown>;
    const id = String(resolver.ref(logicalId));
    const generated = props.Value === undefined;
    const seed = `${stackName}/${logicalId}/api-key`;
    const value = generated ? stableId(seed, 32) + stableId(`${seed}/tail`, 8) : String(props.Value);
    if (value.length < 20) {
      throw new UsagePlanConfigError(
        `API Key value should be at least 20 characters long, got ${JSON.stringify(value)}`,
        logicalId,
      );
    }
    const enabled = props.Enabled === true || props.Enabled === 'true';
    byValue.set(value, { logicalId, id, value, enabled, generated, grants: grantsByKey.get(id) ?? [] });
  }
  return { source: apiKeySource === 'AUTHORIZER' ? 'AUTHORIZER' : 'HEADER', byValue };
}
