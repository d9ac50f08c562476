/**
 * The handler behind `ListedOriginsHttpApi`: a response with a header of its own (`x-request-id`) that a page
 * can only read because the API's CORS configuration exposes it.
 *
 * @module
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Answers `{"user":"ada"}` with the request ID in `x-request-id`, and a session cookie: the kind of response
 * that needs `Access-Control-Allow-Credentials` before a page may read it.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers
 */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': event.requestContext.requestId },
    cookies: ['session=ada; Path=/; Secure; HttpOnly; SameSite=None'],
    body: JSON.stringify({ user: 'ada' }),
  };
};
