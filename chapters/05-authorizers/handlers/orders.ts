/**
 * The handler behind `GET /orders` of `OrdersRestApi`. It only runs once the authorizer has let the request
 * through, and reads who the caller is from what the authorizer passed on.
 *
 * @module
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/**
 * Answers the caller's orders. A proxy integration passes this response through untouched, so its CORS
 * header is set here, as in chapter 01.
 */
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const user = event.requestContext.authorizer?.principalId ?? 'nobody';
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': '*' },
    body: JSON.stringify({ user, orders: ['tea', 'scones'] }),
  };
};
