/**
 * The handler behind `GET /` of `ProxyCorsHttpApi`. It says nothing about CORS: the HTTP API's CORS
 * configuration is the only source of `Access-Control-*` headers, and API Gateway adds them itself.
 *
 * @module
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Answers every request with `{"state":"ok"}`. The result names no `Content-Type`, so API Gateway labels
 * the body `text/plain; charset=utf-8`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.v2
 */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => {
  return {
    statusCode: 200,
    body: JSON.stringify({ state: 'ok' }),
  };
};
