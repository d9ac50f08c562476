/**
 * The handler behind `GET /duplicate`: two pieces of code that each take care of CORS. The first fills
 * `multiValueHeaders` with the echoed origin (as a framework's CORS middleware behind an adapter does); the
 * second, added later, writes `Access-Control-Allow-Origin: *` into `headers`. API Gateway merges the two
 * maps, so the answer carries both values, and a browser accepts exactly one.
 *
 * @module
 */
import { requestHeader } from '@cors-workshop/cors';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

const allowedOrigins = new Set((process.env.ALLOWED_ORIGINS ?? '').split(','));

/**
 * Answers `{"user":"ada"}` with `Access-Control-Allow-Origin` in both header maps.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format
 */
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const origin = requestHeader(event, 'Origin');
  const fromMiddleware: Record<string, string[]> = { Vary: ['Origin'] };
  if (origin !== undefined && allowedOrigins.has(origin))
    fromMiddleware['Access-Control-Allow-Origin'] = [origin];
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': '*' },
    multiValueHeaders: fromMiddleware,
    body: JSON.stringify({ user: 'ada' }),
  };
};
