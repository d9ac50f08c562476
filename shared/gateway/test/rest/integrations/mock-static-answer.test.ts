import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayLogger } from '../../../src/logging/gateway-logger.js';
import { startGateway } from '../../../src/start-gateway.js';
import { restApiTemplate, type TestMethod, writeTemplate } from '../../support/rest-template.js';

const header = (name: string) => `method.response.header.${name}`;
const declared = (statusCode: string, names: string[]) => ({
  StatusCode: statusCode,
  ResponseParameters: Object.fromEntries(names.map((name) => [header(name), true])),
});
const mock = (path: string, integration: Record<string, unknown>, responses: unknown[]): TestMethod => ({
  path,
  httpMethod: 'ANY',
  integration: { Type: 'MOCK', ...integration },
  methodResponses: responses,
});

/** MOCK methods whose answer does not depend on the request, and some whose answer does. */
const METHODS: TestMethod[] = [
  mock(
    '/preflight',
    {
      RequestTemplates: { 'application/json': '{ statusCode: 200 }' },
      IntegrationResponses: [
        {
          StatusCode: '204',
          ResponseParameters: {
            [header('Access-Control-Allow-Origin')]: "'*'",
            [header('Access-Control-Allow-Methods')]: "'OPTIONS,GET'",
          },
        },
      ],
    },
    [declared('204', ['Access-Control-Allow-Origin', 'Access-Control-Allow-Methods'])],
  ),
  mock(
    '/templated',
    {
      RequestTemplates: { 'application/json': '{"statusCode": 200}', 'text/plain': '{"statusCode": 400}' },
      IntegrationResponses: [
        {
          StatusCode: '200',
          ResponseParameters: { [header('Server')]: "'mock'", [header('X-Static')]: "'yes'" },
          ResponseTemplates: { 'application/json': '{"ok":true}', 'text/plain': 'plain text' },
        },
        { StatusCode: '400', SelectionPattern: '4\\d{2}', ResponseTemplates: { 'application/json': 'bad' } },
      ],
    },
    [declared('200', ['Server', 'X-Static']), declared('400', [])],
  ),
  mock(
    '/typed',
    {
      RequestTemplates: { 'application/json': '{"statusCode": 200}' },
      PassthroughBehavior: 'NEVER',
      IntegrationResponses: [
        { StatusCode: '200', ResponseParameters: { [header('Content-Type')]: "'text/plain'" } },
      ],
    },
    [declared('200', ['Content-Type'])],
  ),
  mock(
    '/dynamic',
    {
      RequestTemplates: { 'application/json': '{"statusCode": $input.params("code")}' },
      IntegrationResponses: [
        {
          StatusCode: '200',
          ResponseParameters: { [header('X-Path')]: 'context.resourcePath' },
          ResponseTemplates: { 'application/json': '{"id":"$context.requestId"}' },
        },
      ],
    },
    [declared('200', ['X-Path'])],
  ),
  mock(
    '/passthrough',
    { PassthroughBehavior: 'WHEN_NO_MATCH', IntegrationResponses: [{ StatusCode: '200' }] },
    [declared('200', [])],
  ),
  mock(
    '/nostatus',
    { RequestTemplates: { 'application/json': '{}' }, IntegrationResponses: [{ StatusCode: '200' }] },
    [declared('200', [])],
  ),
  mock(
    '/unselected',
    {
      RequestTemplates: { 'application/json': '{"statusCode": 500}' },
      IntegrationResponses: [{ StatusCode: '200', SelectionPattern: '2\\d{2}' }],
    },
    [declared('200', [])],
  ),
];

const REQUESTS: Array<{ method: string; headers: Record<string, string>; body?: string }> = [
  { method: 'OPTIONS', headers: {} },
  { method: 'GET', headers: { accept: 'text/plain' } },
  { method: 'GET', headers: { accept: 'application/xml, text/plain;q=0.5' } },
  { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"statusCode": 200}' },
  { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{}' },
  { method: 'GET', headers: { 'content-type': 'image/png', accept: '*/*' } },
];

function logger(verbose: boolean): GatewayLogger & { lines: string[] } {
  const lines: string[] = [];
  const push = (line: string) => {
    lines.push(line);
  };
  return { lines, verbose, info: push, error: push, debug: () => {} };
}

/** A response with its request IDs and timings masked, so two gateways' answers can be compared. */
function masked(status: number, headers: Record<string, string | string[] | undefined>, body: string) {
  const kept = Object.entries(headers)
    .filter(([name]) => name !== 'date')
    .map(([name, value]) =>
      ['x-amzn-requestid', 'x-amz-apigw-id'].includes(name) ? [name, 'ID'] : [name, value],
    );
  return { status, headers: kept, body: body.replace(/[0-9a-f-]{36}/g, 'ID') };
}

describe('a MOCK answer worked out once', () => {
  const template = writeTemplate(restApiTemplate({ methods: METHODS, binaryMediaTypes: ['image/png'] }));
  // A verbose logger prints the rendered templates, so that gateway runs every stage on every request.
  const quiet = logger(false);
  const staged = logger(true);
  let gateways: Awaited<ReturnType<typeof startGateway>>[];

  beforeAll(async () => {
    gateways = await Promise.all(
      [quiet, staged].map((log) => startGateway({ source: template, port: 0, logger: log })),
    );
  });
  afterAll(() => Promise.all(gateways.map((gateway) => gateway.close())));

  it.each(METHODS.map((method) => method.path))(
    'answers %s exactly as the stages do, headers in order, for every request shape',
    async (path) => {
      for (const shape of REQUESTS) {
        const answers = [];
        for (const gateway of gateways) {
          for (let repeat = 0; repeat < 2; repeat++) {
            const response = await request(`${gateway.apis[0]!.url}${path.slice(1)}`, shape);
            const body = await response.body.text();
            answers.push(masked(response.statusCode, response.headers, body));
          }
        }
        expect(answers[1]).toEqual(answers[0]);
        expect(answers[2]).toEqual(answers[0]);
        expect(answers[3]).toEqual(answers[0]);
      }
      const logged = (lines: string[]) =>
        lines
          .filter((line) => line.includes(path))
          .map((line) => line.replace(/[0-9a-f-]{36}/g, 'ID').replace(/ \d+ms /, ' ms '));
      expect(logged(quiet.lines)).toEqual(logged(staged.lines));
    },
  );
});
