/**
 * The handler behind `GET /catalog` and `GET /specials` of `CatalogRestApi`. It only runs once API Gateway has
 * found a valid API key in the request's `X-Api-Key` header.
 *
 * @module
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/**
 * Answers the items of the path it was called for. A proxy integration passes this response through
 * untouched, so its CORS header is set here, as in chapter 01.
 */
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const items = event.resource === '/specials' ? ['lemon cake'] : ['tea', 'scones', 'jam'];
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': '*' },
    body: JSON.stringify({ items }),
  };
};
