import type { GatewayResponse, RequestRefusal } from '../server/gateway-request.js';

/** The body of an HTTP API's answer to a body or a head over API Gateway's quotas. */
export const REQUEST_ENTITY_TOO_LARGE_BODY = '{"message":"Request Entity Too Large"}';

const ANSWERS: Readonly<Record<RequestRefusal, readonly [number, string]>> = {
  'payload-too-large': [413, REQUEST_ENTITY_TOO_LARGE_BODY],
  'headers-too-large': [413, REQUEST_ENTITY_TOO_LARGE_BODY],
  'uri-too-long': [414, '{"message":"Request-URI Too Long"}'],
  'bad-request': [400, '{"message":"Bad Request"}'],
};

/**
 * How an HTTP API answers a request the HTTP server refused before the API ran it **[choice where AWS
 * documents no answer]**: 413 `{"message":"Request Entity Too Large"}` for a body or a head over API
 * Gateway's quotas, 414 for a URL over 10,240 characters, 400 `{"message":"Bad Request"}` for a malformed
 * request such as two `Host` headers. No CORS headers, as for the other answers the gateway makes itself.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
 */
export function refusedHttpRequest(refusal: RequestRefusal, requestId: string): GatewayResponse {
  const [status, body] = ANSWERS[refusal];
  return {
    status,
    headers: [
      ['content-type', 'application/json'],
      ['apigw-requestid', requestId],
    ],
    body,
    integration: `refused (${refusal})`,
  };
}
