/**
 * The handler behind `GET /reflect`: the dangerous fix for the wildcard. It copies whatever `Origin` the
 * request carries into `Access-Control-Allow-Origin` and allows credentials, so the browser lets every page
 * on every site read the answer with the visitor's cookies.
 *
 * @module
 */
import { requestHeader } from '@cors-workshop/cors';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/**
 * Answers `{"user":"ada"}`, echoing any origin. Do not copy this: it is what an allow-list prevents.
 * @see https://portswigger.net/web-security/cors#server-generated-acao-header-from-client-specified-origin-header
 */
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const origin = requestHeader(event, 'Origin');
  return {
    statusCode: 200,
    headers:
      origin === undefined
        ? {}
        : {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Allow-Credentials': 'true',
            Vary: 'Origin',
          },
    body: JSON.stringify({ user: 'ada' }),
  };
};
