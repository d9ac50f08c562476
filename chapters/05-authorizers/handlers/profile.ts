/**
 * The handler behind `GET /profile` of `OrdersRestApi` (Cognito authorizer, payload 1.0) and behind the
 * `$default` route of `ProfileHttpApi` (JWT authorizer, payload 2.0). Either way API Gateway has verified the
 * token before the function runs, and hands it the token's claims.
 *
 * @module
 */
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyResult,
} from 'aws-lambda';

type ProfileEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2WithJWTAuthorizer;

/**
 * Answers `{"user": <the token's cognito:username>}`, readable from any origin. (An HTTP API with a CORS
 * configuration replaces this header with its own.)
 */
export const handler = async (event: ProfileEvent): Promise<APIGatewayProxyResult> => {
  const claims =
    'version' in event && event.version === '2.0'
      ? event.requestContext.authorizer.jwt.claims
      : (event as APIGatewayProxyEvent).requestContext.authorizer?.claims;
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': '*' },
    body: JSON.stringify({ user: claims?.['cognito:username'] ?? null }),
  };
};
