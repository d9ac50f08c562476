import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyResult,
} from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { corsPolicy } from '../src/cors-policy.js';
import { createWrap } from '../src/wrap.js';
import { httpEvent, lambdaContext, restEvent } from './fixtures/events.js';

const APP = 'https://app.example.com';
const cors = corsPolicy({ allowOrigins: [APP], exposeHeaders: ['X-Request-Id'] });
const preflightHeaders = { Origin: APP, 'Access-Control-Request-Method': 'PUT' };

describe('createWrap', () => {
  it('answers a preflight itself, without calling the handler', async () => {
    const inner = vi.fn(async (): Promise<APIGatewayProxyResult> => ({ statusCode: 200, body: 'inner' }));
    const result = await cors.wrap(inner)(
      restEvent({ method: 'OPTIONS', headers: preflightHeaders }),
      lambdaContext,
    );
    expect(inner).not.toHaveBeenCalled();
    expect(result).toMatchObject({
      statusCode: 204,
      body: '',
      headers: { 'Access-Control-Allow-Origin': APP },
    });
  });

  it('passes a plain OPTIONS request to the handler', async () => {
    const handler = cors.wrap(async () => ({ statusCode: 200, body: 'options' }));
    const result = await handler(restEvent({ method: 'OPTIONS', headers: { Origin: APP } }), lambdaContext);
    expect(result).toMatchObject({ statusCode: 200, body: 'options' });
  });

  it('calls the handler with the event and context, and decorates its result', async () => {
    const inner = vi.fn(
      async (): Promise<APIGatewayProxyResult> => ({
        statusCode: 201,
        headers: { 'X-Request-Id': 'r1', Vary: 'Accept' },
        body: 'made',
      }),
    );
    const event = restEvent({ method: 'POST', headers: { origin: APP } });
    const result = await cors.wrap(inner)(event, lambdaContext);
    expect(inner).toHaveBeenCalledWith(event, lambdaContext);
    expect(result).toEqual({
      statusCode: 201,
      headers: {
        'X-Request-Id': 'r1',
        Vary: 'Accept, Origin',
        'Access-Control-Allow-Origin': APP,
        'Access-Control-Expose-Headers': 'X-Request-Id',
      },
      body: 'made',
    });
  });

  it('accepts a synchronous handler', async () => {
    const handler = cors.wrap(() => ({ statusCode: 200, body: 'sync' }));
    expect(await handler(restEvent({ headers: { Origin: APP } }), lambdaContext)).toMatchObject({
      body: 'sync',
    });
  });

  it('turns a payload 2.0 string result into a structured 200 carrying the CORS headers', async () => {
    const handler = cors.wrap(async (_event: APIGatewayProxyEventV2) => 'hello');
    expect(await handler(httpEvent({ headers: { Origin: APP } }), lambdaContext)).toEqual({
      statusCode: 200,
      headers: {
        'content-type': 'application/json',
        'Access-Control-Allow-Origin': APP,
        'Access-Control-Expose-Headers': 'X-Request-Id',
        Vary: 'Origin',
      },
      body: 'hello',
    });
  });

  it('turns a payload 2.0 JSON value into a structured 200 whose body is its JSON text', async () => {
    const handler = cors.wrap<APIGatewayProxyEventV2, { state: string }>(async () => ({ state: 'ok' }));
    expect(await handler(httpEvent({ headers: { Origin: APP } }), lambdaContext)).toMatchObject({
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'Access-Control-Allow-Origin': APP },
      body: '{"state":"ok"}',
    });
  });

  it('decorates a payload 2.0 structured result and keeps its cookies', async () => {
    const handler = cors.wrap(async (event: APIGatewayProxyEventV2WithJWTAuthorizer) => ({
      statusCode: 200,
      cookies: ['session=1'],
      body: event.requestContext.authorizer.jwt.claims.sub as string,
    }));
    const base = httpEvent({ headers: { Origin: 'https://evil.example' } });
    const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
      ...base,
      requestContext: {
        ...base.requestContext,
        authorizer: {
          principalId: 'p',
          integrationLatency: 1,
          jwt: { claims: { sub: 'user-1' }, scopes: [] },
        },
      },
    };
    expect(await handler(event, lambdaContext)).toEqual({
      statusCode: 200,
      cookies: ['session=1'],
      headers: { Vary: 'Origin' },
      body: 'user-1',
    });
  });

  it('answers a payload 2.0 preflight with 204', async () => {
    const handler = cors.wrap(async (_event: APIGatewayProxyEventV2) => 'never');
    const result = await handler(httpEvent({ method: 'OPTIONS', headers: preflightHeaders }), lambdaContext);
    expect(result).toMatchObject({
      statusCode: 204,
      body: '',
      headers: { 'Access-Control-Allow-Origin': APP },
    });
  });

  it('leaves a payload 1.0 result that is not an object for API Gateway to refuse', async () => {
    const handler = cors.wrap((async () => 'not a proxy result') as never);
    expect(await handler(restEvent({ headers: { Origin: APP } }), lambdaContext)).toBe('not a proxy result');
  });

  it('lets an error thrown by the handler propagate', async () => {
    const handler = cors.wrap(async (): Promise<APIGatewayProxyResult> => {
      throw new Error('boom');
    });
    await expect(handler(restEvent({ headers: { Origin: APP } }), lambdaContext)).rejects.toThrow('boom');
  });

  it('uses the preflight and decoration it is given', async () => {
    const wrap = createWrap({
      preflight: () => undefined,
      decorate: (_event, result) => ({ ...result, body: `${result.body}!` }),
    });
    const handler = wrap(async () => ({ statusCode: 200, body: 'decorated' }));
    expect(await handler(restEvent({ method: 'OPTIONS', headers: preflightHeaders }), lambdaContext)).toEqual(
      {
        statusCode: 200,
        body: 'decorated!',
      },
    );
  });
});
