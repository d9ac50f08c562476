import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareAssembly } from '../../src/assembly/prepare-assembly.js';
import type { GatewayOptions, RunningGateway } from '../../src/gateway-options.js';
import { readRestApis } from '../../src/rest/read-rest-apis.js';
import { startGateway } from '../../src/start-gateway.js';
import { startEchoBackend } from '../support/echo-backend.js';
import { recordingLogger } from '../support/serve.js';

const ASSEMBLIES = fileURLToPath(new URL('./assemblies/', import.meta.url));
const backend = await startEchoBackend();
const gateways: RunningGateway[] = [];
afterAll(() => Promise.all(gateways.map((gateway) => gateway.close())));

/** Serves one corpus assembly for the rest of the file and returns the URL of its first API. */
async function serve(name: string, options: Partial<GatewayOptions> = {}): Promise<string> {
  const gateway = await startGateway({
    source: `${ASSEMBLIES}${name}`,
    port: 0,
    logger: recordingLogger(),
    ...options,
  });
  gateways.push(gateway);
  return gateway.apis[0]!.url;
}

type Echoed = { method: string; url: string; headers: Record<string, string>; body: string };

describe('the corpus, served', () => {
  it('rest-lambda-cors: answers the preflight for the second origin and runs the function for the first', async () => {
    const url = await serve('rest-lambda-cors');
    const preflight = await request(`${url}items`, {
      method: 'OPTIONS',
      headers: { origin: 'https://admin.example.com', 'access-control-request-method': 'POST' },
    });
    await preflight.body.dump();
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    const item = await request(`${url}items/42`, { headers: { origin: 'https://app.example.com' } });
    expect(await item.body.json()).toEqual({ method: 'GET', path: '/items/42', id: '42', stage: 'v1' });
    expect(item.headers['access-control-allow-origin']).toBe('https://app.example.com');
  });

  it('rest-lambda-cors: reads the stage variables and per-method throttling into the stage', () => {
    const assembly = prepareAssembly(`${ASSEMBLIES}rest-lambda-cors`);
    const [{ stack, resolver }] = assembly.selected as [ReturnType<typeof prepareAssembly>['selected'][0]];
    const [api] = readRestApis(stack, resolver, assembly.functions);
    const stage = api!.stages.get('v1')!;
    expect(stage.variables).toEqual({ release: '2024-06' });
    expect(stage.throttling.defaults).toEqual({ rateLimit: 50, burstLimit: 100 });
    expect([...stage.throttling.methods]).toEqual([['/items/POST', { rateLimit: 5, burstLimit: 10 }]]);
  });

  it('rest-mappings-conditions: answers from the Mappings and the condition for the parameter default', async () => {
    const url = await serve('rest-mappings-conditions');
    const response = await request(`${url}config`);
    expect(await response.body.text()).toBe('{"banner":"development build"}');
    expect(response.headers['x-log-level']).toBe('debug');
    expect(response.headers['x-release-channel']).toBe('preview');
  });

  it('rest-nested-stacks: serves the methods each nested stack adds, deployed by another nested stack', async () => {
    const url = await serve('rest-nested-stacks');
    expect(await (await request(`${url}pets`)).body.text()).toMatch(/^hello pets from /);
    expect(await (await request(`${url}books`)).body.text()).toMatch(/^hello books from /);
  });

  it('cross-stack-function: invokes the function another stack exports', async () => {
    const url = await serve('cross-stack-function', { stack: 'Frontend' });
    expect(await (await request(`${url}greet`)).body.text()).toMatch(
      /^hello across stacks from SharedFunctions-GreeterFn/,
    );
  });

  it('unrelated-custom-resources: serves the API without reading the functions it does not invoke', async () => {
    const url = await serve('unrelated-custom-resources');
    expect(await (await request(`${url}anything`)).body.text()).toMatch(/^uploads ready from /);
  });

  it('spec-rest-inline: answers the hand-written OPTIONS, the Lambda proxy and the gateway responses', async () => {
    const url = await serve('spec-rest-inline');
    const preflight = await request(`${url}products/9`, { method: 'OPTIONS' });
    await preflight.body.dump();
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET,OPTIONS');
    const product = await request(`${url}products/9`, { headers: { origin: 'https://shop.example.com' } });
    expect(((await product.body.json()) as { id: string }).id).toBe('9');
    const missing = await request(`${url}nothing`);
    await missing.body.dump();
    expect(missing.statusCode).toBe(403);
    expect(missing.headers['access-control-allow-origin']).toBe('https://shop.example.com');
  });

  it('spec-rest-asset: serves the YAML definition, its mock and its customised gateway response', async () => {
    const url = await serve('spec-rest-asset');
    expect(await (await request(`${url}status`)).body.text()).toBe('{"status":"ok","stage":"prod"}');
    const missing = await request(`${url}nothing`);
    expect(missing.statusCode).toBe(404);
    expect(await missing.body.text()).toBe('{"message":"no such route"}');
  });

  it('http-api-openapi-body: answers preflights from x-amazon-apigateway-cors and routes to the function', async () => {
    const url = await serve('http-api-openapi-body');
    const preflight = await request(`${url}notes/1`, {
      method: 'OPTIONS',
      headers: { origin: 'https://notes.example.com', 'access-control-request-method': 'PUT' },
    });
    await preflight.body.dump();
    expect(preflight.headers['access-control-allow-methods']).toBe('GET,PUT');
    const note = await request(`${url}notes/1`);
    expect(((await note.body.json()) as { id: string }).id).toBe('1');
  });

  it("http-api-url: proxies to the mapped origin and replaces the backend's CORS headers", async () => {
    const url = await serve('http-api-url', {
      httpEndpoints: { 'https://legacy.example.com': backend.origin },
    });
    const response = await request(`${url}legacy/orders/7?full=1`, {
      headers: { origin: 'https://app.example.com' },
    });
    expect(((await response.body.json()) as Echoed).url).toBe('/api/orders/7?full=1');
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example.com');
  });

  it('rest-http-proxy: proxies {proxy+} and maps the custom method, the host from a stage variable', async () => {
    const url = await serve('rest-http-proxy', {
      httpEndpoints: { 'https://inventory.example.com': backend.origin },
    });
    const proxied = await request(`${url}stock/42`, { method: 'DELETE' });
    expect(((await proxied.body.json()) as Echoed).method).toBe('DELETE');
    const summary = await request(`${url}summary`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"sku":"a"}',
    });
    expect(((await summary.body.json()) as { summary: Echoed }).summary.url).toBe('/reports/summary');
    expect(JSON.parse(backend.received.at(-1)!.body).query).toEqual({ sku: 'a' });
  });

  it('http-api-alb and rest-nlb-vpc-link: are served once their load balancers are mapped to a local URL', async () => {
    const orders = await serve('http-api-alb', { httpEndpoints: { OrdersLbHttpABA0EF6D: backend.origin } });
    expect(((await (await request(`${orders}orders`)).body.json()) as Echoed).url).toBe('/orders');
    const billing = await serve('rest-nlb-vpc-link', {
      httpEndpoints: { BillingNlb7F210690: backend.origin },
    });
    expect(((await (await request(`${billing}invoices`)).body.json()) as Echoed).url).toBe('/invoices');
  });

  it('rest-dynamodb: stores and reads an item through the embedded DynamoDB', async () => {
    const url = await serve('rest-dynamodb');
    const saved = await request(`${url}bookmarks/b1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"url":"https://example.com"}',
    });
    expect(await saved.body.text()).toBe('{"saved": true}');
    expect(await (await request(`${url}bookmarks/b1`)).body.text()).toBe('{"url": "https://example.com"}');
  });
});
