import { beforeAll, describe, expect, it } from 'vitest';
import { call, lambdaAuthorizerApi } from '../support/lambda-authorizer-api.js';
import { serveTemplate } from '../support/serve.js';

describe('a REQUEST Lambda authorizer', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = await serveTemplate(lambdaAuthorizerApi));
  });

  it('answers 401 without calling the function when one identity source is missing', async () => {
    expect((await call(`${url}request`, { 'X-Token': 'allow' })).status).toBe(401);
    expect((await call(`${url}request?q=1`)).status).toBe(401);
  });

  it('answers 401 when an identity source is empty', async () => {
    expect((await call(`${url}request?q=`, { 'X-Token': 'allow' })).status).toBe(401);
  });

  it('sends the function the request: type, methodArn, then the proxy event without its body', async () => {
    const answer = await call(`${url}request?q=1`, { 'X-Token': 'echo' });
    const event = JSON.parse(JSON.parse(answer.body).requestContext.authorizer.event);

    expect(Object.keys(event)).toEqual([
      'type',
      'methodArn',
      'resource',
      'path',
      'httpMethod',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
      'requestContext',
    ]);
    expect(event).toMatchObject({
      type: 'REQUEST',
      resource: '/request',
      path: '/request',
      httpMethod: 'GET',
      headers: { 'X-Token': 'echo' },
      queryStringParameters: { q: '1' },
    });
    expect(event.methodArn).toMatch(/\/prod\/GET\/request$/);
    expect(event.requestContext.authorizer).toBeUndefined();
  });

  it('sends the request to the function and lets it through when its policy allows', async () => {
    const answer = await call(`${url}request?q=1`, { 'X-Token': 'allow' });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).requestContext.authorizer.principalId).toBe('user-allow');
  });
});
