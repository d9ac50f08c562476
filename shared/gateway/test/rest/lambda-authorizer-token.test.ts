import { beforeAll, describe, expect, it } from 'vitest';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { call, lambdaAuthorizerApi } from '../support/lambda-authorizer-api.js';
import { serveTemplate } from '../support/serve.js';

describe('a REST API method with a TOKEN Lambda authorizer', () => {
  let url: string;
  let log: string[];
  beforeAll(async () => {
    ({ url, log } = await serveTemplate(lambdaAuthorizerApi));
  });

  it('answers 401 Unauthorized without calling the function when the Authorization header is missing', async () => {
    const answer = await call(`${url}items`);

    expect(answer.status).toBe(401);
    expect(answer.body).toBe('{"message":"Unauthorized"}');
    expect(answer.headers['x-amzn-errortype']).toBe('UnauthorizedException');
  });

  it('lets the request through when the policy allows the method ARN, with principalId and context in requestContext.authorizer', async () => {
    const answer = await call(`${url}items`, { Authorization: 'allow' });
    const event = JSON.parse(answer.body);

    expect(answer.status).toBe(200);
    expect(event.requestContext.authorizer).toEqual({
      calls: expect.any(String),
      role: 'reader',
      admin: 'false',
      level: '7',
      principalId: 'user-allow',
      integrationLatency: expect.any(Number),
    });
  });

  it('answers 403 with the explicit-deny message when a statement denies the method', async () => {
    const answer = await call(`${url}items`, { Authorization: 'deny' });

    expect(answer.status).toBe(403);
    expect(answer.body).toBe(
      '{"Message":"User is not authorized to access this resource with an explicit deny"}',
    );
    expect(answer.headers['content-length']).toBe('82');
    expect(answer.headers['x-amzn-errortype']).toBe('AccessDeniedException');
  });

  it('answers 403 with the implicit-deny message when no statement allows the method', async () => {
    const answer = await call(`${url}items`, { Authorization: 'post-only' });

    expect(answer.status).toBe(403);
    expect(answer.body).toBe('{"Message":"User is not authorized to access this resource"}');
  });

  it('matches the policy resource with wildcards against the method ARN', async () => {
    expect((await call(`${url}items`, { Authorization: 'post-only' }, 'POST')).status).toBe(200);
    expect((await call(`${url}items`, { Authorization: 'allow-all' })).status).toBe(200);
  });

  it('answers 401 when the function throws Unauthorized, with the customised UNAUTHORIZED gateway response', async () => {
    const answer = await call(`${url}items`, { Authorization: 'unauthorized' });

    expect(answer.status).toBe(401);
    expect(answer.body).toBe('{"message":"Unauthorized"}');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('keeps the UNAUTHORIZED customisation off the 403 of ACCESS_DENIED', async () => {
    const answer = await call(`${url}items`, { Authorization: 'deny' });

    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 500 {"message": null} AuthorizerConfigurationException when the function throws anything else', async () => {
    const answer = await call(`${url}items`, { Authorization: 'boom' });

    expect(answer.status).toBe(500);
    expect(answer.body).toBe('{"message": null}');
    expect(answer.headers['x-amzn-errortype']).toBe('AuthorizerConfigurationException');
    expect(log.some((line) => line.includes('Authorizer error') && line.includes('boom'))).toBe(true);
  });

  it('answers 500 AuthorizerConfigurationException when the function returns no policy', async () => {
    const answer = await call(`${url}items`, { Authorization: 'malformed' });

    expect(answer.status).toBe(500);
    expect(answer.headers['x-amzn-errortype']).toBe('AuthorizerConfigurationException');
    expect(log.some((line) => line.includes('Could not parse policy'))).toBe(true);
  });

  it('answers 500 AuthorizerConfigurationException when the context holds an object', async () => {
    const answer = await call(`${url}items`, { Authorization: 'nested' });

    expect(answer.status).toBe(500);
    expect(answer.headers['x-amzn-errortype']).toBe('AuthorizerConfigurationException');
  });

  it('answers 500 AuthorizerFailureException when the function runs past its timeout, and keeps serving', async () => {
    const answer = await call(`${url}items`, { Authorization: 'hang' });

    expect(answer.status).toBe(500);
    expect(answer.body).toBe('{"message": null}');
    expect(answer.headers['x-amzn-errortype']).toBe('AuthorizerFailureException');
    expect((await call(`${url}items`, { Authorization: 'allow' })).status).toBe(200);
  });

  it('gives $context.authorizer to a mapping template, every context value as a string', async () => {
    const answer = await call(`${url}mock`, { Authorization: 'allow' });

    expect(answer.body).toBe('{"principal":"user-allow","role":"reader","level":"7"}');
  });

  it('sends the function the TOKEN event: type, authorizationToken and the method ARN of the request', async () => {
    const answer = await call(`${url}items?x=1`, { Authorization: 'echo' });
    const { requestContext } = JSON.parse(answer.body);

    expect(JSON.parse(requestContext.authorizer.event)).toEqual({
      type: 'TOKEN',
      authorizationToken: 'echo',
      methodArn: `arn:aws:execute-api:${localPseudoParameters().region}:123456789012:${requestContext.apiId}/prod/GET/items`,
    });
  });
});

describe('a TOKEN authorizer with an IdentityValidationExpression', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = await serveTemplate(lambdaAuthorizerApi));
  });

  it('answers 401 without calling the function when the token does not match the expression in full', async () => {
    expect((await call(`${url}strict`, { Authorization: 'allowed' })).status).toBe(401);
    expect((await call(`${url}strict`, { Authorization: 'post-only' })).status).toBe(401);
  });

  it('calls the function when the token matches', async () => {
    expect((await call(`${url}strict`, { Authorization: 'allow' })).status).toBe(200);
    expect((await call(`${url}strict`, { Authorization: 'deny' })).status).toBe(403);
  });
});
