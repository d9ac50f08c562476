/**
 * The handler behind `GET /wildcard`: the first thing everyone tries when a page must send cookies. It allows
 * every origin with `*` and adds `Access-Control-Allow-Credentials: true` — an answer no browser lets a
 * credentialed request read.
 *
 * @module
 */
import type { APIGatewayProxyResult } from 'aws-lambda';

/**
 * Answers `{"user":"ada"}` to anyone, with `*` and credentials.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSNotSupportingCredentials
 */
export const handler = async (): Promise<APIGatewayProxyResult> => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
  body: JSON.stringify({ user: 'ada' }),
});
