/**
 * The handler behind `GET /`. With a proxy integration API Gateway passes the response through as it is, so
 * the CORS header of the actual response is this function's job: the preflight answer configured on the API
 * does not reach this response.
 *
 * @module
 */
import type { APIGatewayProxyResult } from 'aws-lambda';

/**
 * Answers every request with `{"state":"ok"}`, readable from any origin.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format
 */
export const handler = async (): Promise<APIGatewayProxyResult> => {
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': '*' },
    body: JSON.stringify({ state: 'ok' }),
  };
};
