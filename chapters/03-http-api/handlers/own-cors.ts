/**
 * The handler behind `GET /own-cors`: a function that still writes its own CORS headers, the way a REST API
 * proxy handler has to. Behind an HTTP API with a CORS configuration those headers never reach the client.
 *
 * @module
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * The origin this function claims to allow. API Gateway drops the claim: the API's configuration wins.
 */
export const CLAIMED_ORIGIN = 'https://only-me.example';

/**
 * Answers `{"state":"ok"}` with CORS headers of its own, which API Gateway replaces with the API's.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => {
  return {
    statusCode: 200,
    headers: {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': CLAIMED_ORIGIN,
      'Access-Control-Allow-Methods': 'GET',
    },
    body: JSON.stringify({ state: 'ok' }),
  };
};
