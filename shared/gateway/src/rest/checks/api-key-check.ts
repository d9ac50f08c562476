import type { GatewayResponse } from '../../server/gateway-request.js';
import { headerValue } from '../../server/gateway-request.js';
import type { RequestState } from '../stages/request-state.js';

/**
 * The API key check of a method with `ApiKeyRequired`: the key comes from the `x-api-key` header (or, with
 * `ApiKeySourceType: AUTHORIZER`, from the Lambda authorizer's `usageIdentifierKey`) and must be an enabled
 * key that a usage plan grants on this stage. Anything else answers `INVALID_API_KEY`: 403
 * `{"message":"Forbidden"}`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html
 */
export function apiKeyCheck(state: RequestState): GatewayResponse | undefined {
  if (!state.route.method.request.apiKeyRequired) return undefined;
  const keys = state.api.apiKeys;
  const value =
    keys.source === 'AUTHORIZER'
      ? state.usageIdentifierKey
      : headerValue(state.request.rawHeaders, 'x-api-key');
  const key = value === undefined ? undefined : keys.byValue.get(value);
  const granted = key?.enabled && key.grants.some((grant) => grant.stage === state.stage.name);
  if (!key || !granted) {
    const why =
      value === undefined
        ? `no API key was sent (${keys.source === 'AUTHORIZER' ? 'the authorizer returned no usageIdentifierKey' : 'x-api-key header'})`
        : !key
          ? 'the API key is not a key of this stack'
          : !key.enabled
            ? `API key ${key.logicalId} is disabled`
            : `no usage plan grants API key ${key.logicalId} on stage ${state.stage.name}`;
    state.logger.info(`${state.requestId} API Key not authorized: ${why}`);
    return state.fail('INVALID_API_KEY');
  }
  state.acceptApiKey(key);
  return undefined;
}
