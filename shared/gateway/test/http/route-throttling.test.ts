import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { HttpRouteThrottles, readHttpStageThrottling } from '../../src/http/route-throttling.js';
import { httpApiTemplate } from './fixtures/http-template.js';
import { serveHttpApi } from './fixtures/serve-http-api.js';

const ok = 'exports.handler = async () => ({ statusCode: 200, body: "ok" });';

const template = httpApiTemplate({
  routes: [
    { routeKey: 'GET /limited', functionId: 'Fn' },
    { routeKey: 'GET /free', functionId: 'Fn' },
  ],
  functions: { Fn: { code: ok } },
  cors: { AllowOrigins: ['https://app.example'], AllowMethods: ['GET'] },
});
(template.Resources.Stage0 as { Properties: Record<string, unknown> }).Properties.RouteSettings = {
  'GET /limited': { ThrottlingBurstLimit: 1, ThrottlingRateLimit: 0.001 },
};

const { url, log } = await serveHttpApi(template);

describe('HTTP API route throttling', () => {
  it('answers 429 Too Many Requests past the burst of a route, with the API’s CORS headers', async () => {
    const first = await request(new URL('limited', url), { headers: { origin: 'https://app.example' } });
    expect(first.statusCode).toBe(200);
    await first.body.dump();
    const second = await request(new URL('limited', url), { headers: { origin: 'https://app.example' } });
    expect(second.statusCode).toBe(429);
    expect(await second.body.json()).toEqual({ message: 'Too Many Requests' });
    expect(second.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(log.some((line) => line.includes('throttled: route GET /limited'))).toBe(true);
  });

  it('does not throttle a route without settings', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await request(new URL('free', url));
      expect(response.statusCode).toBe(200);
      await response.body.dump();
    }
  });

  it('gives every route its own bucket from DefaultRouteSettings', () => {
    const throttling = readHttpStageThrottling({
      DefaultRouteSettings: { ThrottlingBurstLimit: 1, ThrottlingRateLimit: 1 },
    });
    const throttles = new HttpRouteThrottles(() => 0);
    expect(throttles.take('$default', throttling, 'GET /a')).toBe(true);
    expect(throttles.take('$default', throttling, 'GET /a')).toBe(false);
    expect(throttles.take('$default', throttling, 'GET /b')).toBe(true);
  });

  it('keeps the account default for a limit the setting leaves out', () => {
    expect(readHttpStageThrottling({ DefaultRouteSettings: { ThrottlingRateLimit: 5 } }).defaults).toEqual({
      rateLimit: 5,
      burstLimit: 5000,
    });
  });
});
