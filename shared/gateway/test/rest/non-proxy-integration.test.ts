import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleMethod, functions, lambdaCustom } from '../support/lambda-custom-api.js';
import { restApiTemplate } from '../support/rest-template.js';
import { serveTemplate } from '../support/serve.js';

const multiOriginTemplate = [
  '#set($origin = $input.params().header.get("Origin"))',
  '#if($origin == "")',
  '  #set($origin = $input.params().header.get("origin"))',
  '#end',
  '#if($origin == "https://b.example" || $origin == "https://c.example")',
  '  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
  '#end',
].join('\n');

describe('REST non-proxy integrations', () => {
  let url: string;
  let log: string[];

  beforeAll(async () => {
    ({ url, log } = await serveTemplate(
      restApiTemplate({
        functions,
        methods: [
          articleMethod,
          {
            path: '/errors',
            httpMethod: 'GET',
            integration: lambdaCustom('Failing', {
              RequestTemplates: { 'application/json': '{"what":"$input.params(\'what\')"}' },
              IntegrationResponses: [
                { StatusCode: '200' },
                {
                  StatusCode: '400',
                  SelectionPattern: '\\[BadRequest\\].*',
                  ResponseTemplates: {
                    'application/json': '{"error":"$util.escapeJavaScript($input.path(\'$.errorMessage\'))"}',
                  },
                },
              ],
            }),
            methodResponses: [{ StatusCode: '200' }, { StatusCode: '400' }],
          },
          {
            path: '/unmatched',
            httpMethod: 'GET',
            integration: lambdaCustom('Failing', {
              IntegrationResponses: [
                { StatusCode: '200' },
                { StatusCode: '400', SelectionPattern: 'BadRequest' },
              ],
            }),
            methodResponses: [{ StatusCode: '200' }, { StatusCode: '400' }],
          },
          {
            path: '/nodefault',
            httpMethod: 'GET',
            integration: lambdaCustom('Failing', {
              IntegrationResponses: [{ StatusCode: '400', SelectionPattern: 'never' }],
            }),
            methodResponses: [{ StatusCode: '400' }],
          },
          {
            path: '/passthrough',
            httpMethod: 'POST',
            integration: lambdaCustom('Raw', {
              PassthroughBehavior: 'WHEN_NO_TEMPLATES',
              RequestTemplates: { 'application/json': '{"wrapped":$input.json(\'$\')}' },
              IntegrationResponses: [{ StatusCode: '200' }],
            }),
            methodResponses: [{ StatusCode: '200' }],
          },
          {
            path: '/broken',
            httpMethod: 'GET',
            integration: lambdaCustom('Raw', {
              RequestTemplates: { 'application/json': '{"n":1}' },
              IntegrationResponses: [
                {
                  StatusCode: '200',
                  ResponseTemplates: { 'application/json': '#if($input.body.matches("a++"))yes#end' },
                },
              ],
            }),
            methodResponses: [{ StatusCode: '200' }],
          },
          {
            path: '/json',
            httpMethod: 'POST',
            integration: {
              Type: 'MOCK',
              RequestTemplates: { 'application/json': '{"statusCode": 200, "x": $input.json(\'$.x\')}' },
              IntegrationResponses: [{ StatusCode: '200' }],
            },
            methodResponses: [{ StatusCode: '200' }],
          },
          {
            path: '/override',
            httpMethod: 'GET',
            integration: {
              Type: 'MOCK',
              RequestTemplates: {
                'application/json':
                  '#set($context.responseOverride.status = 444)#set($context.responseOverride.header.foo = "bar"){"statusCode": 200}',
              },
              IntegrationResponses: [{ StatusCode: '200' }],
            },
            methodResponses: [{ StatusCode: '200' }],
          },
          {
            path: '/multi',
            httpMethod: 'OPTIONS',
            integration: {
              Type: 'MOCK',
              RequestTemplates: { 'application/json': '{ statusCode: 200 }' },
              IntegrationResponses: [
                {
                  StatusCode: '204',
                  ResponseParameters: {
                    'method.response.header.Access-Control-Allow-Origin': "'https://a.example'",
                    'method.response.header.Vary': "'Origin'",
                  },
                  ResponseTemplates: { 'application/json': multiOriginTemplate },
                },
              ],
            },
            methodResponses: [
              {
                StatusCode: '204',
                ResponseParameters: {
                  'method.response.header.Access-Control-Allow-Origin': true,
                  'method.response.header.Vary': true,
                },
              },
            ],
          },
        ],
      }),
    ));
  });

  it("renders the article's custom integration: 55 bytes with the mapped Allow-Origin", async () => {
    const response = await request(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['content-length']).toBe('55');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(await response.body.text()).toBe('{"message":{"output":"this is the input"},"state":"ok"}');
  });

  it('refuses a body with no template under NEVER with 415', async () => {
    const response = await request(url, { headers: { 'content-type': 'text/plain' } });
    expect(response.statusCode).toBe(415);
    expect(response.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(await response.body.text()).toBe('{"message":"Unsupported Media Type"}');
  });

  it('chooses the request template by media type, ignoring the charset', async () => {
    const response = await request(url, { headers: { 'content-type': 'application/json; charset=UTF-8' } });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
  });

  it('refuses an unmatched media type under WHEN_NO_TEMPLATES when templates exist', async () => {
    const response = await request(`${url}passthrough`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.statusCode).toBe(415);
    await response.body.dump();
  });

  it('selects the error response whose pattern fully matches the Lambda errorMessage', async () => {
    const response = await request(`${url}errors?what=thing`);
    expect(response.statusCode).toBe(400);
    expect(await response.body.text()).toBe('{"error":"[BadRequest] no thing"}');
  });

  it('falls back to the default response, with the raw error as body, when no pattern fully matches', async () => {
    const response = await request(`${url}unmatched`);
    expect(response.statusCode).toBe(200);
    const body = (await response.body.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ errorMessage: '[BadRequest] no undefined', errorType: 'Error' });
    expect(body.stackTrace).toBeInstanceOf(Array);
  });

  it('answers 500 when nothing matches and there is no default, and keeps serving', async () => {
    const response = await request(`${url}nodefault`);
    expect(response.statusCode).toBe(500);
    expect(await response.body.text()).toBe('{"message":"Internal server error"}');
    expect(log.join('\n')).toMatch(/No match for output mapping and no default output mapping configured/);
    expect((await request(url)).statusCode).toBe(200);
  });

  it('answers 500 when a response template fails at render time, and keeps serving', async () => {
    const response = await request(`${url}broken`);
    expect(response.statusCode).toBe(500);
    expect(response.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    await response.body.dump();
    expect(log.join('\n')).toMatch(/Unable to transform response/);
    expect((await request(url)).statusCode).toBe(200);
  });

  it('answers 500 when $input.json meets a body that is not JSON', async () => {
    const response = await request(`${url}json`, { method: 'POST', body: '{not json' });
    expect(response.statusCode).toBe(500);
    await response.body.dump();
    expect(log.join('\n')).toMatch(/Unable to transform request/);
    const fine = await request(`${url}json`, { method: 'POST', body: '{"x":1}' });
    expect(fine.statusCode).toBe(200);
    await fine.body.dump();
  });

  it('applies a status and a header overridden in the request template', async () => {
    const response = await request(`${url}override`);
    expect(response.statusCode).toBe(444);
    expect(response.headers.foo).toBe('bar');
    await response.body.dump();
  });

  describe("CDK's multi-origin preflight", () => {
    const preflight = async (origin?: string) => {
      const response = await request(`${url}multi`, { method: 'OPTIONS', headers: origin ? { origin } : {} });
      await response.body.dump();
      return response;
    };

    it('echoes an allowed origin after the first, with Vary: Origin', async () => {
      const response = await preflight('https://c.example');
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('https://c.example');
      expect(response.headers.vary).toBe('Origin');
    });

    it('answers any other origin, or none, with the first origin', async () => {
      expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBe(
        'https://a.example',
      );
      expect((await preflight()).headers['access-control-allow-origin']).toBe('https://a.example');
    });
  });
});
