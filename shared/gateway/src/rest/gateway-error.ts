import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { GatewayRequest, GatewayResponse } from '../server/gateway-request.js';
import { GATEWAY_RESPONSE_TYPES } from './gateway-response-types.js';
import { renderMapping, selectTemplate } from './mapping.js';
import type { RestApiModel } from './rest-api-model.js';

/** What the error response needs to know about the request it answers. */
export interface ErrorContext {
  readonly request: GatewayRequest;
  readonly requestId: string;
  readonly extendedRequestId: string;
  /** `$context` of the request when it got that far; the error fields are added to it. */
  readonly context?: Record<string, unknown>;
  readonly stageVariables?: Readonly<Record<string, string>> | null;
}

/** An error AWS answers differently from its gateway response type's defaults. */
export interface ErrorVariant {
  readonly status?: number;
  readonly errorType?: string;
  /** `$context.error.message`, when it says more than the type's default (e.g. which parameters are missing). */
  readonly message?: string;
  /** The body used when no template is customised. */
  readonly body?: string;
}

/**
 * Answers with a gateway response of `responseType` (e.g. `MISSING_AUTHENTICATION_TOKEN`), applying the
 * API's `AWS::ApiGateway::GatewayResponse` customisation of that type, or else of its family
 * (`DEFAULT_4XX`/`DEFAULT_5XX`): status, headers and template. Without a customised template the body is
 * `{"message":"…"}`, or `variant.body` when AWS writes that error differently.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html
 */
export function gatewayErrorResponse(
  api: RestApiModel,
  responseType: string,
  error: ErrorContext,
  logger: GatewayLogger,
  variant: ErrorVariant = {},
): GatewayResponse {
  const defaults = { ...GATEWAY_RESPONSE_TYPES.get(responseType)!, ...variant };
  const chosen = api.gatewayResponses.get(responseType) ?? api.gatewayResponses.get(defaults.family);
  const status = chosen?.statusCode ?? defaults.status;
  const headers: Array<[string, string]> = [['Content-Type', 'application/json']];
  headers.push(['x-amzn-RequestId', error.requestId]);
  if (defaults.errorType) headers.push(['x-amzn-ErrorType', defaults.errorType]);
  headers.push(['x-amz-apigw-id', error.extendedRequestId]);
  for (const [name, value] of chosen?.headers ?? []) headers.push([name, value]);

  const messageString = JSON.stringify(defaults.message);
  let body = variant.body ?? `{"message":${messageString}}`;
  const template = chosen ? selectTemplate(chosen.templates, undefined) : undefined;
  if (template) {
    try {
      const context = {
        ...error.context,
        requestId: error.requestId,
        extendedRequestId: error.extendedRequestId,
        error: { message: defaults.message, messageString, responseType, validationErrorString: '' },
      };
      body = renderMapping(template, {
        request: error.request,
        body: '',
        pathParameters: null,
        context,
        stageVariables: error.stageVariables ?? null,
      }).output;
    } catch (failure) {
      logger.error(`${error.requestId} gateway response ${responseType}: ${(failure as Error).message}`);
    }
  }
  return { status, headers, body, integration: `gateway response ${responseType}` };
}
