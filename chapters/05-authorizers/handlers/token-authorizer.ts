/**
 * The Lambda authorizer of `OrdersRestApi` (a `TOKEN` authorizer): API Gateway calls it with the request's
 * `Authorization` header before any method that uses it, and follows the policy it returns.
 *
 * @module
 */
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';

/** The tokens this workshop's authorizer knows: who they stand for, and whether that user may call the API. */
export const KNOWN_TOKENS: Readonly<Record<string, { readonly user: string; readonly allowed: boolean }>> = {
  reader: { user: 'ada', allowed: true },
  suspended: { user: 'mallory', allowed: false },
};

/**
 * Answers a known token (`Bearer reader`, `Bearer suspended`) with a policy about the whole stage of the API
 * — `Allow` or an explicit `Deny` — so that a cached answer holds for every method; any other token is
 * refused by throwing `Unauthorized`, which API Gateway turns into a 401.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export const handler = async (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  const token = event.authorizationToken.replace(/^Bearer /, '');
  const known = KNOWN_TOKENS[token];
  if (!known) {
    throw new Error('Unauthorized');
  }
  // arn:aws:execute-api:{region}:{account}:{api}/{stage}/{method}/{path} → everything in the same stage.
  const stage = event.methodArn.split('/').slice(0, 2).join('/');
  return {
    principalId: known.user,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Action: 'execute-api:Invoke', Effect: known.allowed ? 'Allow' : 'Deny', Resource: `${stage}/*` },
      ],
    },
    context: { plan: 'workshop' },
  };
};
