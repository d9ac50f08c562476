/**
 * The handler behind `GET /no-vary`: a correct allow-list written by hand, which forgets one header. Its
 * answer depends on the request's `Origin`, but it does not say so with `Vary: Origin`, so a shared cache in
 * front of the API may hand one origin's answer to another.
 *
 * @module
 */
import { requestHeader } from '@cors-workshop/cors';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

const allowedOrigins = new Set((process.env.ALLOWED_ORIGINS ?? '').split(','));

/**
 * Answers `{"user":"ada"}`, echoing a listed origin with credentials and saying nothing to any other origin.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Vary
 */
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const origin = requestHeader(event, 'Origin');
  const allowed = origin !== undefined && allowedOrigins.has(origin);
  return {
    statusCode: 200,
    headers: allowed
      ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' }
      : {},
    body: JSON.stringify({ user: 'ada' }),
  };
};
