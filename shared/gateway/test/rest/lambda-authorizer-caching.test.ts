import { beforeAll, describe, expect, it } from 'vitest';
import { call, lambdaAuthorizerApi } from '../support/lambda-authorizer-api.js';
import { serveTemplate } from '../support/serve.js';

describe('authorizer result caching (AuthorizerResultTtlInSeconds)', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = await serveTemplate(lambdaAuthorizerApi));
  });

  const callsOf = (body: string): string => JSON.parse(body).requestContext.authorizer.calls;

  it('reuses the answer for the same token within the TTL (default 300 s) instead of calling the function', async () => {
    const first = await call(`${url}cached`, { Authorization: 'allow-all' });
    const second = await call(`${url}cached`, { Authorization: 'allow-all' });

    expect(callsOf(second.body)).toBe(callsOf(first.body));
    expect(JSON.parse(second.body).requestContext.authorizer.integrationLatency).toBe(0);
  });

  it("evaluates a cached policy against each method's ARN, so a policy naming one method denies the next", async () => {
    expect((await call(`${url}cached`, { Authorization: 'post-only' }, 'POST')).status).toBe(200);
    expect((await call(`${url}cached`, { Authorization: 'post-only' })).status).toBe(403);
  });

  it('calls the function on every request when the TTL is 0', async () => {
    const first = await call(`${url}items`, { Authorization: 'allow' });
    const second = await call(`${url}items`, { Authorization: 'allow' });

    expect(Number(callsOf(second.body))).toBeGreaterThan(Number(callsOf(first.body)));
  });
});
