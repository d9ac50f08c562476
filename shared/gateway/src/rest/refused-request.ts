import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { GatewayResponse } from '../server/gateway-request.js';
import { type ErrorContext, gatewayErrorResponse } from './gateway-error.js';
import type { RestApiModel } from './rest-api-model.js';

/** Why a refusal happened, for the log. */
const REASONS = {
  'payload-too-large': 'the body is over the 10 MB payload quota',
  'headers-too-large': 'the request line and headers are over 10,240 bytes',
  'uri-too-long': 'the URL is over 10,240 characters',
  'bad-request': 'the request is malformed',
} as const;

/**
 * How a REST API answers a request the HTTP server refused before the API ran it, always through a
 * gateway response, so a customised one applies **[choice where AWS documents no answer]**:
 * `REQUEST_TOO_LARGE` (413 `{"message":"Request Too Long"}`) for a body or a head over API Gateway's
 * quotas; the same type with 414 `{"message":"Request-URI Too Long"}` for a URL over 10,240 characters;
 * `DEFAULT_4XX` (400 `{"message":"Bad Request"}`) for a malformed request such as two `Host` headers.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export function refusedRequestResponse(
  api: RestApiModel,
  error: ErrorContext,
  logger: GatewayLogger,
): GatewayResponse {
  const refusal = error.request.refusal ?? 'bad-request';
  logger.info(`${error.requestId} refused: ${REASONS[refusal]}`);
  switch (refusal) {
    case 'payload-too-large':
    case 'headers-too-large':
      return gatewayErrorResponse(api, 'REQUEST_TOO_LARGE', error, logger);
    case 'uri-too-long':
      return gatewayErrorResponse(api, 'REQUEST_TOO_LARGE', error, logger, {
        status: 414,
        body: '{"message":"Request-URI Too Long"}',
      });
    case 'bad-request':
      return gatewayErrorResponse(api, 'DEFAULT_4XX', error, logger);
  }
}
