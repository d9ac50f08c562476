import { QuotaCounter } from '../../limits/quota-counter.js';
import { TokenBucket } from '../../limits/token-bucket.js';
import type { GatewayResponse } from '../../server/gateway-request.js';
import type { RestApiModel } from '../rest-api-model.js';
import type { MethodRequestCheck } from '../stages/method-request.js';
import type { RequestState } from '../stages/request-state.js';
import type { ThrottleSettings } from '../usage-plan-model.js';

/**
 * The throttling checks of one API, each with its own buckets: the usage plan of the accepted API key
 * (per key: the plan's method throttle or its throttle, then its quota), then the stage (its method
 * setting, else its default). A throttled request answers `THROTTLED`, 429 `{"message":"Too Many
 * Requests"}`; a used-up quota `QUOTA_EXCEEDED`, 429 `{"message":"Limit Exceeded"}`. The account-level
 * limit (10,000 requests a second) is not emulated.
 * @param now - the clock, in milliseconds @default Date.now
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
 */
export function throttleCheck(api: RestApiModel, now: () => number = Date.now): MethodRequestCheck {
  const buckets = new Map<string, TokenBucket>();
  const quotas = new Map<string, QuotaCounter>();
  const take = (key: string, settings: ThrottleSettings) => {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(settings, now);
      buckets.set(key, bucket);
    }
    return bucket.take();
  };
  const hasThrottling =
    [...api.stages.values()].some(
      (stage) => stage.throttling.defaults || stage.throttling.methods.size > 0,
    ) || [...api.apiKeys.byValue.values()].some((key) => key.grants.length > 0);
  return (state: RequestState): GatewayResponse | undefined => {
    if (!hasThrottling) return undefined;
    const methodKey = `${state.route.resource.path}/${state.route.method.httpMethod}`;
    const stage = state.stage;
    const key = state.apiKey;
    if (key) {
      const grant = key.grants.find((g) => g.stage === stage.name);
      const throttle = grant?.methodThrottles.get(methodKey) ?? grant?.throttle;
      if (grant && throttle && !take(`plan ${grant.planLogicalId} ${key.id} ${methodKey}`, throttle)) {
        state.logger.info(
          `${state.requestId} throttled by usage plan ${grant.planLogicalId} for API key ${key.logicalId}`,
        );
        return state.fail('THROTTLED');
      }
      if (grant?.quota) {
        const quotaKey = `${grant.planLogicalId} ${key.id}`;
        let counter = quotas.get(quotaKey);
        if (!counter) {
          counter = new QuotaCounter(grant.quota, now);
          quotas.set(quotaKey, counter);
        }
        if (!counter.take()) {
          state.logger.info(
            `${state.requestId} quota of usage plan ${grant.planLogicalId} used up for API key ${key.logicalId}`,
          );
          return state.fail('QUOTA_EXCEEDED');
        }
      }
    }
    const methodThrottle = stage.throttling.methods.get(methodKey);
    const throttle = methodThrottle ?? stage.throttling.defaults;
    const bucketKey = methodThrottle
      ? `stage ${stage.name} ${methodKey}`
      : `stage ${stage.name} ${methodKey} default`;
    if (throttle && !take(bucketKey, throttle)) {
      state.logger.info(
        `${state.requestId} throttled by stage ${stage.name} (${methodThrottle ? methodKey : 'default'} limit)`,
      );
      return state.fail('THROTTLED');
    }
    return undefined;
  };
}
