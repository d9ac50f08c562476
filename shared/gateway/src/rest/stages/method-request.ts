import type { GatewayResponse } from '../../server/gateway-request.js';
import type { RequestState } from './request-state.js';

/**
 * One check of the method request: `undefined` lets the request through to the next check, a response
 * ends it (a gateway response such as `UNAUTHORIZED` or `BAD_REQUEST_BODY`).
 */
export type MethodRequestCheck = (
  state: RequestState,
) => GatewayResponse | undefined | Promise<GatewayResponse | undefined>;

/**
 * The method request stage, the first one the API Gateway console shows: the checks run in AWS's order —
 * authorization, API key and usage plan, throttling, request validation — and the first to answer ends the
 * request. Stays synchronous while every check does, so a request that needs no check costs no promise.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-method-settings-method-request.html
 */
export function runMethodRequest(
  state: RequestState,
  checks: readonly MethodRequestCheck[],
): GatewayResponse | undefined | Promise<GatewayResponse | undefined> {
  for (let i = 0; i < checks.length; i++) {
    const answer = checks[i]!(state);
    if (answer instanceof Promise) return answer.then((first) => first ?? continueFrom(state, checks, i + 1));
    if (answer) return answer;
  }
  return undefined;
}

async function continueFrom(
  state: RequestState,
  checks: readonly MethodRequestCheck[],
  next: number,
): Promise<GatewayResponse | undefined> {
  for (let i = next; i < checks.length; i++) {
    const answer = await checks[i]!(state);
    if (answer) return answer;
  }
  return undefined;
}
