/**
 * The handler behind the HTTP API's `GET /profile`: no CORS code at all. The API's CORS configuration lets
 * the listed origins read the answer with credentials, and exposes `x-request-id`.
 *
 * @module
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Answers `{"user":"ada"}` with the request ID in `x-request-id`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json', 'X-Request-Id': event.requestContext.requestId },
  body: JSON.stringify({ user: 'ada' }),
});
