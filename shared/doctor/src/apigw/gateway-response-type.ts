/**
 * Which gateway response of a REST API produced an answer, from what it carries: API Gateway marks its own
 * answers with `x-amzn-ErrorType`, and the default message tells apart the types that share one.
 *
 * @module
 */

/** A gateway response type and the default answer that identifies it. */
interface TypeSignature {
  readonly type: string;
  readonly errorType: string;
  readonly status: number;
  readonly message: string;
}

/**
 * The gateway response types, their `x-amzn-ErrorType`, default status and message. A Lambda proxy
 * integration's failure (502, `Internal server error`) is answered with `DEFAULT_5XX` itself.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
const SIGNATURES: readonly TypeSignature[] = [
  { type: 'ACCESS_DENIED', errorType: 'AccessDeniedException', status: 403, message: 'Forbidden' },
  {
    type: 'API_CONFIGURATION_ERROR',
    errorType: 'InternalServerErrorException',
    status: 500,
    message: 'Internal server error',
  },
  {
    type: 'DEFAULT_5XX',
    errorType: 'InternalServerErrorException',
    status: 502,
    message: 'Internal server error',
  },
  {
    type: 'INTEGRATION_FAILURE',
    errorType: 'InternalServerErrorException',
    status: 504,
    message: 'Internal server error',
  },
  {
    type: 'INTEGRATION_TIMEOUT',
    errorType: 'InternalServerErrorException',
    status: 504,
    message: 'Endpoint request timed out',
  },
  {
    type: 'AUTHORIZER_CONFIGURATION_ERROR',
    errorType: 'AuthorizerConfigurationException',
    status: 500,
    message: 'Internal server error',
  },
  {
    type: 'AUTHORIZER_FAILURE',
    errorType: 'AuthorizerFailureException',
    status: 500,
    message: 'Internal server error',
  },
  {
    type: 'BAD_REQUEST_PARAMETERS',
    errorType: 'BadRequestException',
    status: 400,
    message: 'Missing required request parameters',
  },
  {
    type: 'BAD_REQUEST_BODY',
    errorType: 'BadRequestException',
    status: 400,
    message: 'Invalid request body',
  },
  {
    type: 'UNSUPPORTED_MEDIA_TYPE',
    errorType: 'BadRequestException',
    status: 415,
    message: 'Unsupported Media Type',
  },
  { type: 'EXPIRED_TOKEN', errorType: 'ExpiredTokenException', status: 403, message: 'Expired token' },
  { type: 'INVALID_API_KEY', errorType: 'ForbiddenException', status: 403, message: 'Forbidden' },
  {
    type: 'INVALID_SIGNATURE',
    errorType: 'InvalidSignatureException',
    status: 403,
    message: 'Invalid signature',
  },
  {
    type: 'MISSING_AUTHENTICATION_TOKEN',
    errorType: 'MissingAuthenticationTokenException',
    status: 403,
    message: 'Missing Authentication Token',
  },
  { type: 'QUOTA_EXCEEDED', errorType: 'LimitExceededException', status: 429, message: 'Limit Exceeded' },
  {
    type: 'REQUEST_TOO_LARGE',
    errorType: 'RequestTooLargeException',
    status: 413,
    message: 'Request Too Long',
  },
  { type: 'RESOURCE_NOT_FOUND', errorType: 'ResourceNotFoundException', status: 404, message: 'Not Found' },
  { type: 'THROTTLED', errorType: 'TooManyRequestsException', status: 429, message: 'Too Many Requests' },
  { type: 'UNAUTHORIZED', errorType: 'UnauthorizedException', status: 401, message: 'Unauthorized' },
  { type: 'WAF_FILTERED', errorType: 'WAFFilteredException', status: 403, message: 'Forbidden' },
];

/**
 * The gateway response type of an answer.
 *
 * @param errorType - its `x-amzn-ErrorType` header
 * @param status - its status (a customised response may have changed it)
 * @param body - its body; API Gateway's default is `{"message":"…"}`
 * @returns the type, or `undefined` when the error type is unknown
 * @example
 * ```ts
 * gatewayResponseType('MissingAuthenticationTokenException', 403, '{"message":"Missing Authentication Token"}');
 * // 'MISSING_AUTHENTICATION_TOKEN'
 * ```
 */
export function gatewayResponseType(errorType: string, status: number, body: string): string | undefined {
  const candidates = SIGNATURES.filter((signature) => signature.errorType === errorType);
  if (candidates.length <= 1) return candidates[0]?.type;
  const message = messageOf(body);
  const byBoth = candidates.filter(
    (signature) => signature.message === message && signature.status === status,
  );
  const byMessage = candidates.filter((signature) => signature.message === message);
  const byStatus = candidates.filter((signature) => signature.status === status);
  return (byBoth[0] ?? (byMessage.length === 1 ? byMessage[0] : undefined) ?? byStatus[0] ?? candidates[0])
    ?.type;
}

/** The family a type inherits its customisation from when it has none of its own. */
export function gatewayResponseFamily(type: string, status: number): 'DEFAULT_4XX' | 'DEFAULT_5XX' {
  const signature = SIGNATURES.find((candidate) => candidate.type === type);
  return (signature?.status ?? status) >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
}

function messageOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}
