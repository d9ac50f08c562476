/** The `AuthorizerUri` CDK writes for a Lambda authorizer invoking `functionLogicalId`. */
export function authorizerUri(functionLogicalId: string): Record<string, unknown> {
  return {
    'Fn::Join': [
      '',
      [
        'arn:',
        { 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::GetAtt': [functionLogicalId, 'Arn'] }] }] },
        ':apigateway:',
        { 'Fn::Select': [3, { 'Fn::Split': [':', { 'Fn::GetAtt': [functionLogicalId, 'Arn'] }] }] },
        ':lambda:path/2015-03-31/functions/',
        { 'Fn::GetAtt': [functionLogicalId, 'Arn'] },
        '/invocations',
      ],
    ],
  };
}

/** An `AWS::ApiGateway::Authorizer` of the test API (`Api`), with CDK's defaults for a TOKEN authorizer. */
export function restAuthorizer(properties: Record<string, unknown>): Record<string, unknown> {
  return {
    Type: 'AWS::ApiGateway::Authorizer',
    Properties: {
      Name: 'Authorizer',
      RestApiId: { Ref: 'Api' },
      Type: 'TOKEN',
      IdentitySource: 'method.request.header.Authorization',
      ...properties,
    },
  };
}

/** The method properties of a method authorized by `authorizerLogicalId` (`AuthorizationType` CUSTOM). */
export function customAuthorization(authorizerLogicalId: string): Record<string, unknown> {
  return { AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerLogicalId } };
}

/**
 * A Lambda authorizer function (CommonJS) answering by the token (`authorizationToken`, or the `X-Token`
 * header of a REQUEST event): `allow`, `allow-all` (the whole stage), `deny`, `post-only`, `unauthorized`
 * (throws `Unauthorized`), `boom` (throws), `malformed` (no policy), `nested` (an object in its context),
 * `hang` (never answers), `echo` (its context's `event` is the event it got); anything else gets a Deny of everything. Its context counts its calls.
 */
export const AUTHORIZER_CODE = `
let calls = 0;
exports.handler = async (event) => {
  calls++;
  const token = event.authorizationToken ?? event.headers?.['X-Token'];
  const stageArn = event.methodArn.split('/').slice(0, 2).join('/');
  const policy = (effect, resource) => ({
    principalId: 'user-' + token,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
    context: { calls, role: 'reader', admin: false, level: 7 },
  });
  switch (token) {
    case 'allow': return policy('Allow', event.methodArn);
    case 'allow-all': return policy('Allow', stageArn + '/*');
    case 'deny': return policy('Deny', event.methodArn);
    case 'post-only': return policy('Allow', stageArn + '/POST/*');
    case 'unauthorized': throw new Error('Unauthorized');
    case 'boom': throw new Error('boom');
    case 'malformed': return { principalId: 'x' };
    case 'nested': return { ...policy('Allow', event.methodArn), context: { profile: { a: 1 } } };
    case 'hang': return new Promise(() => {});
    case 'echo': return { ...policy('Allow', '*'), context: { event: JSON.stringify(event) } };
  }
  return policy('Deny', '*');
};`;
