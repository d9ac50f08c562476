import fc from 'fast-check';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { lambdaProxyIntegration, restApiTemplate } from '../support/rest-template.js';
import { serveTemplate } from '../support/serve.js';

const functions = {
  HeaderFromQuery: {
    code: `exports.handler = async (event) => {
      const q = event.queryStringParameters ?? {};
      return { statusCode: q.status ?? 200, headers: { [q.name ?? 'X-Value']: q.value ?? '' }, body: 'ok' };
    };`,
  },
  HopByHop: {
    code: `exports.handler = async () => ({
      statusCode: 200,
      headers: {
        Connection: 'close', 'Content-Length': '999', Date: 'yesterday', Server: 'mine',
        'Transfer-Encoding': 'chunked', 'Keep-Alive': 'timeout=1', Trailer: 'Expires', Upgrade: 'h2c',
        'x-amzn-RequestId': 'from-the-function', 'X-Kept': 'yes',
      },
      body: 'four',
    });`,
  },
};

const mock = (responseTemplate: string, responseParameters: Record<string, string> = {}) => ({
  Type: 'MOCK',
  RequestTemplates: { 'application/json': '{"statusCode": 200}' },
  IntegrationResponses: [
    {
      StatusCode: '200',
      ResponseParameters: responseParameters,
      ResponseTemplates: { 'application/json': responseTemplate },
    },
  ],
});
const declares = (...names: string[]) => [
  {
    StatusCode: '200',
    ResponseParameters: Object.fromEntries(names.map((n) => [`method.response.header.${n}`, true])),
  },
];

const { url, log } = await serveTemplate(
  restApiTemplate({
    functions,
    methods: [
      { path: '/proxy', httpMethod: 'GET', integration: lambdaProxyIntegration('HeaderFromQuery') },
      { path: '/hop', httpMethod: 'GET', integration: lambdaProxyIntegration('HopByHop') },
      {
        path: '/override',
        httpMethod: 'GET',
        integration: mock(`#set($context.responseOverride.header.X-Echo = $input.params('v'))done`),
        methodResponses: declares(),
      },
      {
        path: '/trailer',
        httpMethod: 'GET',
        integration: mock('static', { 'method.response.header.Trailer': "'Expires'" }),
        methodResponses: declares('Trailer'),
      },
    ],
  }),
);

async function get(path: string) {
  const response = await request(`${url}${path}`);
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

describe('a REST API keeps serving whatever a function or a template puts in a header', () => {
  it('answers 502 for a proxy result whose header value holds CR LF, logs why, and serves the next', async () => {
    const answer = await get('proxy?value=a%0d%0aSet-Cookie:%20evil=1');
    expect(answer).toMatchObject({ status: 502, body: '{"message": "Internal server error"}' });
    expect(answer.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(log.join('\n')).toMatch(/X-Value.*control character/);
    expect(await get('proxy?value=fine')).toMatchObject({ status: 200, body: 'ok' });
  });

  it('answers 502 for a proxy result whose header name is not a token', async () => {
    expect(await get('proxy?name=Bad%20Name&value=v')).toMatchObject({ status: 502 });
  });

  it('answers 502 for a proxy result whose status is 101', async () => {
    expect(await get('proxy?status=101')).toMatchObject({
      status: 502,
      body: '{"message": "Internal server error"}',
    });
  });

  it('answers 500 when a template copies CR LF from the query into a response override header', async () => {
    const answer = await get('override?v=a%0d%0aX-Evil:%201');
    expect(answer).toMatchObject({ status: 500, body: '{"message":"Internal server error"}' });
    expect(answer.headers['x-evil']).toBeUndefined();
    expect((await get('override?v=plain')).headers['x-echo']).toBe('plain');
  });

  it('serves a static response parameter naming Trailer without sending a Trailer Node would refuse', async () => {
    const answer = await get('trailer');
    expect(answer).toMatchObject({ status: 200, body: 'static' });
    expect(answer.headers.trailer).toBeUndefined();
  });

  it('keeps serving whatever text a template copies into a header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 30 }), async (value) => {
        fc.pre(!/\p{Surrogate}/u.test(value));
        const answer = await get(`override?v=${encodeURIComponent(value)}`);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the point
        const forbidden = /[\x00-\x08\x0a-\x1f\x7f]/.test(value);
        expect(answer.status).toBe(forbidden ? 500 : 200);
        if (!forbidden && /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value)) {
          expect(answer.headers['x-echo']).toBe(value);
        }
      }),
      { numRuns: 120 },
    );
    expect((await get('override?v=after')).status).toBe(200);
  }, 120_000);
});

describe('hop-by-hop headers a Lambda proxy function sets', () => {
  it('are remapped to x-amzn-Remapped-* or left out, so the response is framed by Content-Length alone', async () => {
    const answer = await get('hop');
    expect(answer).toMatchObject({ status: 200, body: 'four' });
    expect(answer.headers).toMatchObject({
      'x-amzn-remapped-connection': 'close',
      'x-amzn-remapped-content-length': '999',
      'x-amzn-remapped-date': 'yesterday',
      'x-amzn-remapped-server': 'mine',
      'x-amzn-remapped-trailer': 'Expires',
      'x-amzn-remapped-upgrade': 'h2c',
      'content-length': '4',
      'x-kept': 'yes',
    });
    expect(answer.headers['transfer-encoding']).toBeUndefined();
    expect(answer.headers['keep-alive']).not.toBe('timeout=1');
  });
});
