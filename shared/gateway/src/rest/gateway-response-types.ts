/** The default answer of one gateway response type. */
export interface GatewayResponseDefault {
  readonly status: number;
  /** `$context.error.message`. */
  readonly message: string;
  /** The `x-amzn-ErrorType` header, when AWS sends one. */
  readonly errorType: string | undefined;
  /** The class whose customisation this type inherits when it is not customised itself. */
  readonly family: 'DEFAULT_4XX' | 'DEFAULT_5XX';
}

const t = (status: number, message: string, errorType?: string): GatewayResponseDefault => ({
  status,
  message,
  errorType,
  family: status < 500 ? 'DEFAULT_4XX' : 'DEFAULT_5XX',
});

/**
 * The gateway response types of a REST API with their default status, message and error type.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export const GATEWAY_RESPONSE_TYPES: ReadonlyMap<string, GatewayResponseDefault> = new Map([
  ['ACCESS_DENIED', t(403, 'Forbidden', 'AccessDeniedException')],
  ['API_CONFIGURATION_ERROR', t(500, 'Internal server error', 'InternalServerErrorException')],
  ['AUTHORIZER_CONFIGURATION_ERROR', t(500, 'Internal server error', 'AuthorizerConfigurationException')],
  ['AUTHORIZER_FAILURE', t(500, 'Internal server error', 'AuthorizerFailureException')],
  ['BAD_REQUEST_PARAMETERS', t(400, 'Missing required request parameters', 'BadRequestException')],
  ['BAD_REQUEST_BODY', t(400, 'Invalid request body', 'BadRequestException')],
  ['DEFAULT_4XX', t(400, 'Bad Request', undefined)],
  ['DEFAULT_5XX', t(500, 'Internal server error', undefined)],
  ['EXPIRED_TOKEN', t(403, 'Expired token', 'ExpiredTokenException')],
  ['INTEGRATION_FAILURE', t(504, 'Internal server error', 'InternalServerErrorException')],
  ['INTEGRATION_TIMEOUT', t(504, 'Endpoint request timed out', 'InternalServerErrorException')],
  ['INVALID_API_KEY', t(403, 'Forbidden', 'ForbiddenException')],
  ['INVALID_SIGNATURE', t(403, 'Invalid signature', 'InvalidSignatureException')],
  [
    'MISSING_AUTHENTICATION_TOKEN',
    t(403, 'Missing Authentication Token', 'MissingAuthenticationTokenException'),
  ],
  ['QUOTA_EXCEEDED', t(429, 'Limit Exceeded', 'LimitExceededException')],
  ['REQUEST_TOO_LARGE', t(413, 'Request Too Long', 'RequestTooLargeException')],
  ['RESOURCE_NOT_FOUND', t(404, 'Not Found', 'ResourceNotFoundException')],
  ['THROTTLED', t(429, 'Too Many Requests', 'TooManyRequestsException')],
  ['UNAUTHORIZED', t(401, 'Unauthorized', 'UnauthorizedException')],
  ['UNSUPPORTED_MEDIA_TYPE', t(415, 'Unsupported Media Type', 'BadRequestException')],
  ['WAF_FILTERED', t(403, 'Forbidden', 'WAFFilteredException')],
]);
