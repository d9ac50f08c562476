import {
  type GatewayExchange,
  type RunningGateway,
  silentLogger,
  startGateway,
} from '@cors-workshop/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiagnoseOptions, diagnose, explainExchanges } from '../../src/index.js';
import { fixtureAssembly } from '../fixtures/fixture-assembly.js';

const LISTED = 'http://localhost:5173';
const UNLISTED = 'http://localhost:3000';

let gateway: RunningGateway;
let assembly: string;
const log: GatewayExchange[] = [];

beforeAll(async () => {
  assembly = await fixtureAssembly();
  gateway = await startGateway({
    source: assembly,
    port: 0,
    logger: silentLogger,
    onExchange: (exchange) => log.push(exchange),
  });
});

afterAll(async () => {
  await gateway?.close();
});

const urlOf = (api: string, path = '') =>
  new URL(path, gateway.apis.find((served) => served.logicalId === api)!.url).href;
const check = (api: string, path: string, call: Partial<DiagnoseOptions>) =>
  diagnose({ url: urlOf(api, path), origin: UNLISTED, assembly, api, ...call });

describe('who produced each CORS header', () => {
  it("names CDK's MOCK preflight and the header's mapping", async () => {
    const diagnosis = await check('ShopRestApiC45F830D', '', { headers: [['X-Trace', '1']] });
    const source = diagnosis.exchanges[0]!.producedBy!;
    expect(source.producer).toBe('integration-response');
    expect(source.logicalId).toBe('ShopRestApiOPTIONS3018F0BE');
    expect(source.corsHeaders['access-control-allow-headers']).toBe(
      "its ResponseParameters: method.response.header.Access-Control-Allow-Headers = 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'",
    );
  });

  it('names the function of a proxy integration', async () => {
    const diagnosis = await check('ShopRestApiC45F830D', '', { credentials: 'include' });
    expect(diagnosis.exchanges[0]!.producedBy).toMatchObject({
      producer: 'function',
      logicalId: 'OpenFn9CBFFD56',
    });
  });

  it("names API Gateway's default gateway response when none is customised", async () => {
    const diagnosis = await check('ShopRestApiC45F830D', 'missing', {});
    expect(diagnosis.exchanges[0]!.producedBy).toMatchObject({
      producer: 'gateway-response',
      gatewayResponseType: 'MISSING_AUTHENTICATION_TOKEN',
    });
    expect(diagnosis.exchanges[0]!.producedBy!.logicalId).toBeUndefined();
  });

  it('names the customised gateway response a type inherits from its family', async () => {
    const diagnosis = await check('ErrorsRestApi40436026', 'nothing', {});
    expect(diagnosis.exchanges[0]!.producedBy).toMatchObject({
      producer: 'gateway-response',
      logicalId: 'ErrorsRestApiDefault4xx8FA5027B',
      customisedAs: 'DEFAULT_4XX',
    });
  });

  it("names an HTTP API's CorsConfiguration for its preflights and for the actual answer's CORS headers", async () => {
    const diagnosis = await check('ListedHttpApi1FAA31F8', 'profile', {
      origin: LISTED,
      method: 'POST',
      body: '{}',
      headers: [['Content-Type', 'application/json']],
    });
    expect(diagnosis.exchanges.map((exchange) => exchange.producedBy?.producer)).toEqual([
      'cors-configuration',
      'function',
    ]);
    expect(diagnosis.exchanges[1]!.producedBy!.corsHeaders['access-control-allow-origin']).toContain(
      'the CorsConfiguration of ListedHttpApi1FAA31F8',
    );
  });
});

describe('the CDK fix', () => {
  it("widens CDK's preflight, keeping what it allows", async () => {
    const diagnosis = await check('ShopRestApiC45F830D', 'items', { origin: LISTED, method: 'PUT' });
    expect(diagnosis.fix?.summary).toContain('add PUT to allowMethods');
    expect(diagnosis.fix?.code).toContain(
      "allowOrigins: ['http://localhost:5173', 'https://app.example.com'],",
    );
    expect(diagnosis.fix?.code).toContain("allowMethods: ['GET', 'POST', 'PUT'],");
    expect(diagnosis.fix?.code).toContain('allowCredentials: true,');
  });

  it('adds a preflight to a resource that has none', async () => {
    const diagnosis = await check('ErrorsRestApi40436026', 'plain', { method: 'DELETE' });
    expect(diagnosis.fix?.summary).toContain('has no OPTIONS method on /plain');
    expect(diagnosis.fix?.code).toContain("allowOrigins: ['http://localhost:3000'],");
  });

  it('gives an error of API Gateway its CORS headers with a gateway response', async () => {
    const diagnosis = await check('ShopRestApiC45F830D', 'missing', { credentials: 'include' });
    expect(diagnosis.fix?.summary).toContain('has no GET method');
    expect(diagnosis.fix?.code).toContain('type: ResponseType.DEFAULT_4XX');
    expect(diagnosis.fix?.code).toContain(`'Access-Control-Allow-Origin': "'${UNLISTED}'"`);
    expect(diagnosis.fix?.code).toContain(`'Access-Control-Allow-Credentials': "'true'"`);
  });

  it('maps and declares the header on a MOCK integration response', async () => {
    const diagnosis = await check('ShopRestApiC45F830D', 'status', {
      origin: LISTED,
      credentials: 'include',
    });
    expect(diagnosis.fix?.code).toContain(
      `'method.response.header.Access-Control-Allow-Credentials': "'true'"`,
    );
    expect(diagnosis.fix?.code).toContain(`'method.response.header.Access-Control-Allow-Credentials': true`);
  });

  it("adds the origin to an HTTP API's corsPreflight", async () => {
    const diagnosis = await check('ListedHttpApi1FAA31F8', 'profile', {});
    expect(diagnosis.fix?.summary).toContain(`add ${UNLISTED} to allowOrigins`);
    expect(diagnosis.fix?.code).toContain(
      `allowOrigins: ['http://localhost:5173', 'https://app.example.com', '${UNLISTED}'],`,
    );
  });

  it('exposes a header through the corsPreflight of an HTTP API', async () => {
    const diagnosis = await check('ListedHttpApi1FAA31F8', 'profile', {
      origin: LISTED,
      readHeaders: ['x-request-id'],
    });
    expect([diagnosis.verdict, diagnosis.step]).toEqual(['blocked', 'read-header']);
    expect(diagnosis.fix?.code).toContain("exposeHeaders: ['x-trace-id', 'x-request-id'],");
  });

  it('gives an HTTP API without CORS a corsPreflight', async () => {
    const diagnosis = await check('BareHttpApi187E1145', '', { method: 'PUT' });
    expect(diagnosis.fix?.summary).toContain('has no CorsConfiguration');
    expect(diagnosis.fix?.code).toContain('allowMethods: [CorsHttpMethod.PUT],');
  });

  it('is absent for an allowed call', async () => {
    const diagnosis = await check('ShopRestApiC45F830D', '', {});
    expect([diagnosis.verdict, diagnosis.fix]).toEqual(['allowed', undefined]);
  });
});

describe('explainExchanges', () => {
  it('comes to the same verdict from the exchanges the gateway observed as from its own requests', async () => {
    const url = urlOf('ShopRestApiC45F830D', 'items?t=replay');
    const call = {
      url,
      origin: UNLISTED,
      method: 'POST',
      body: '{}',
      headers: [['Content-Type', 'application/json']] as const,
      assembly,
      api: 'ShopRestApiC45F830D',
    };
    const live = await diagnose(call);
    const observed = log.filter((exchange) => exchange.request.url.includes('t=replay'));
    const replayed = await explainExchanges({ ...call, exchanges: observed });
    expect(replayed).toMatchObject({
      verdict: live.verdict,
      step: live.step,
      reason: live.reason,
      fix: live.fix,
    });
  });

  it('says it cannot judge when an exchange the browser needs was not observed', async () => {
    const replayed = await explainExchanges({
      url: urlOf('ShopRestApiC45F830D'),
      origin: UNLISTED,
      method: 'PUT',
      exchanges: [],
    });
    expect(replayed).toEqual({
      verdict: 'unknown',
      reason: 'no OPTIONS /prod/ was observed, so the preflight cannot be judged',
    });
  });
});
