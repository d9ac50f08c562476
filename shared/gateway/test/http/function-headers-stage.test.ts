import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import type { GatewayLogger } from '../../src/logging/gateway-logger.js';
import { startGateway } from '../../src/start-gateway.js';
import { writeTemplate } from '../support/rest-template.js';
import { httpApiTemplate } from './fixtures/http-template.js';

const template = httpApiTemplate({
  cors: { AllowOrigins: ['https://app.example.com'] },
  functions: {
    OwnCors: {
      code: `exports.handler = async () => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*', 'X-Mine': '1' }, body: 'x' });`,
    },
  },
  routes: [{ routeKey: 'GET /', functionId: 'OwnCors' }],
});

/** Serves the template with a logger whose debug lines are kept, verbose or not. */
async function serve(verbose: boolean) {
  const debug: string[] = [];
  const logger: GatewayLogger = {
    verbose,
    info: () => {},
    error: () => {},
    debug: (line) => debug.push(line),
  };
  const gateway = await startGateway({ source: writeTemplate(template), port: 0, logger });
  afterAll(() => gateway.close());
  return { url: gateway.apis[0]!.url, debug };
}

describe('the function headers stage of an HTTP API', () => {
  it("logs, with verbose, the function's headers as read, before CorsConfiguration replaced its CORS ones", async () => {
    const { url, debug } = await serve(true);
    const response = await request(url, { headers: { origin: 'https://app.example.com' } });
    await response.body.text();
    const requestId = response.headers['apigw-requestid'];

    expect(response.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(debug).toContain(
      `${requestId} function headers: [["content-type","text/plain; charset=utf-8"],["access-control-allow-origin","*"],["x-mine","1"]]`,
    );
  });

  it('logs nothing of it without verbose', async () => {
    const { url, debug } = await serve(false);
    await (await request(url)).body.text();

    expect(debug).toEqual([]);
  });
});
