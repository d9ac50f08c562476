import { fileURLToPath } from 'node:url';
import { GatewayConfigError, silentLogger, startGateway } from '@cors-workshop/gateway';
import { gatewayTest, sharedAssembly, synthStack } from '@cors-workshop/testing';
import { Stack } from 'aws-cdk-lib';
import { LambdaIntegration, MockIntegration, PassthroughBehavior, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { request } from 'undici';
import { describe, expect, it as plainIt } from 'vitest';
import {
  CustomCorsRestapiStack,
  type CustomCorsRestapiStackProps,
  DEFAULT_ALLOWED_ORIGINS,
} from '../lib/custom-cors-restapi-stack.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

/** Synthesizes the chapter's stack, bundled so that the local gateway can run its functions. */
function synthesize(props: CustomCorsRestapiStackProps = {}, bundling = true) {
  return synthStack(
    (app) =>
      new CustomCorsRestapiStack(app, 'CustomCorsRestapiStack', {
        stackName: 'custom-cors-restapi-stack',
        ...props,
      }),
    { projectDir, bundling },
  );
}

/** The stack as deployed. */
const it = gatewayTest({ source: sharedAssembly, logger: silentLogger });
/** The stack before the fix of the 400: the integration response maps no CORS header. */
const itWithoutMappedErrorCors = gatewayTest({
  source: () => synthesize({ corsOnMappedErrors: false }),
  logger: silentLogger,
});
/** The stack before the fix of the API's own errors: no DEFAULT_4XX gateway response. */
const itWithoutGatewayResponse = gatewayTest({
  source: () => synthesize({ corsOnGatewayErrors: false }),
  logger: silentLogger,
});

const [FIRST_ORIGIN, SECOND_ORIGIN] = DEFAULT_ALLOWED_ORIGINS as [string, string];
const OTHER_ORIGIN = 'https://not-allowed.example';

/** Sends one request and reads the whole answer. */
async function exchange(
  url: string,
  method: 'GET' | 'OPTIONS' | 'POST',
  headers: Record<string, string> = {},
) {
  const response = await request(url, { method, headers });
  const body = await response.body.text();
  return { status: response.statusCode, headers: response.headers, body };
}

/** The response headers whose name starts with `access-control-`, by name. */
function corsHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-')));
}

const ARTICLE_PREFLIGHT_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers':
    'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
  'access-control-allow-methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
};

const ARTICLE_BODY = '{"message":{"output":"this is the input"},"state":"ok"}';
const BAD_REQUEST_BODY = '{"message":"[BadRequest] no such thing"}';
const MISSING_TOKEN_BODY = '{"message":"Missing Authentication Token"}';

const path = (url: string, relative: string) => new URL(relative, url).href;

describe('OPTIONS /prod/: the preflight, as in chapter 01', () => {
  it('answers 204 with exactly the three CORS headers of the MOCK integration', async ({ gateway }) => {
    const { status, headers, body } = await exchange(gateway.url, 'OPTIONS');

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual(ARTICLE_PREFLIGHT_HEADERS);
    expect(body).toBe('');
  });

  it("answers a browser's preflight the same way, whatever the origin", async ({ gateway }) => {
    const { status, headers } = await exchange(gateway.url, 'OPTIONS', {
      Origin: OTHER_ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual(ARTICLE_PREFLIGHT_HEADERS);
  });
});

describe('GET /prod/: the custom integration, answered through the templates', () => {
  it("answers 200 with the article's 55-byte body and the mapped Allow-Origin", async ({ gateway }) => {
    const { status, headers, body } = await exchange(gateway.url, 'GET');

    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['content-length']).toBe('55');
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(body).toBe(ARTICLE_BODY);
  });

  it('carries only the mapped header, next to the IDs API Gateway adds', async ({ gateway }) => {
    const { headers } = await exchange(gateway.url, 'GET', { Origin: OTHER_ORIGIN });

    expect(Object.keys(headers).sort()).toEqual([
      'access-control-allow-origin',
      'connection',
      'content-length',
      'content-type',
      'date',
      'keep-alive',
      'x-amz-apigw-id',
      'x-amzn-requestid',
      'x-amzn-trace-id',
    ]);
  });

  it('answers a body no template accepts with 415, which the gateway response makes readable', async ({
    gateway,
  }) => {
    const { status, headers, body } = await exchange(gateway.url, 'GET', {
      'Content-Type': 'text/plain',
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(415);
    expect(body).toBe('{"message":"Unsupported Media Type"}');
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
  });
});

/**
 * A MOCK method mapping `Access-Control-Allow-Origin` to `*` without the inner quotes, which makes the value
 * an expression instead of the text `*`.
 */
class UnquotedValueStack extends Stack {
  constructor(scope: ConstructorParameters<typeof Stack>[0], id: string) {
    super(scope, id);
    new RestApi(this, 'UnquotedApi').root.addMethod(
      'GET',
      new MockIntegration({
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        integrationResponses: [
          {
            statusCode: '200',
            responseParameters: { 'method.response.header.Access-Control-Allow-Origin': '*' },
          },
        ],
      }),
      {
        methodResponses: [
          {
            statusCode: '200',
            responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
          },
        ],
      },
    );
  }
}

/** Starts the local gateway on an assembly that must be refused, and returns the promise of that start. */
async function startRefused(synth: { readonly assemblyDir: string; dispose(): void }) {
  try {
    return await startGateway({ source: synth.assemblyDir, logger: silentLogger, port: 0 }).then(
      async (running) => {
        await running.close();
        throw new Error('The local gateway served a template API Gateway refuses to deploy');
      },
    );
  } finally {
    synth.dispose();
  }
}

describe('what API Gateway refuses to deploy, and the local gateway refuses to serve', () => {
  plainIt('refuses a mapped header that the method response does not declare', async () => {
    const starting = startRefused(synthesize({ declareMethodResponseHeader: false }, false));

    await expect(starting).rejects.toThrow(GatewayConfigError);
    await expect(starting).rejects.toThrow(
      '(CustomCorsRestApiget57AF1EA7): Invalid mapping expression specified: Validation Result: ' +
        'warnings : [], errors : [Invalid mapping expression parameter specified: ' +
        'method.response.header.Access-Control-Allow-Origin]',
    );
  });

  plainIt("refuses a static value written without its inner quotes: '*' instead of \"'*'\"", async () => {
    const starting = startRefused(
      synthStack((app) => new UnquotedValueStack(app, 'UnquotedValueStack'), { projectDir }),
    );

    await expect(starting).rejects.toThrow(GatewayConfigError);
    await expect(starting).rejects.toThrow(
      'Invalid mapping expression specified: Validation Result: warnings : [], ' +
        'errors : [Invalid mapping expression specified: *]',
    );
  });
});

describe('GET /prod/fails: a function error mapped to a 400', () => {
  it('answers 400 with the error message and Allow-Origin, so the page can read why', async ({ gateway }) => {
    const { status, headers, body } = await exchange(path(gateway.url, 'fails'), 'GET', {
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(400);
    expect(headers['content-type']).toBe('application/json');
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(body).toBe(BAD_REQUEST_BODY);
  });

  itWithoutMappedErrorCors(
    'answers the same 400 without Allow-Origin when only the 200 maps the header',
    async ({ gateway }) => {
      const { status, headers, body } = await exchange(path(gateway.url, 'fails'), 'GET', {
        Origin: OTHER_ORIGIN,
      });

      expect(status).toBe(400);
      expect(body).toBe(BAD_REQUEST_BODY);
      expect(corsHeaders(headers)).toEqual({});
    },
  );

  itWithoutMappedErrorCors(
    'gets no help from the DEFAULT_4XX gateway response, which covers only errors of API Gateway itself',
    async ({ gateway }) => {
      const fails = await exchange(path(gateway.url, 'fails'), 'GET');
      const missing = await exchange(path(gateway.url, 'missing'), 'GET');

      expect(corsHeaders(fails.headers)).toEqual({});
      expect(missing.status).toBe(403);
      expect(corsHeaders(missing.headers)).toEqual({ 'access-control-allow-origin': '*' });
    },
  );
});

describe('errors from API Gateway itself: the DEFAULT_4XX gateway response', () => {
  it('gives an unknown path its 403 Missing Authentication Token with Allow-Origin', async ({ gateway }) => {
    const { status, headers, body } = await exchange(path(gateway.url, 'missing'), 'GET', {
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(403);
    expect(headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(body).toBe(MISSING_TOKEN_BODY);
  });

  it('gives a method the resource lacks the same 403 with Allow-Origin', async ({ gateway }) => {
    const { status, headers } = await exchange(gateway.url, 'POST');

    expect(status).toBe(403);
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
  });

  itWithoutGatewayResponse('answers an unknown path with no CORS header at all', async ({ gateway }) => {
    const { status, headers, body } = await exchange(path(gateway.url, 'missing'), 'GET', {
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(403);
    expect(body).toBe(MISSING_TOKEN_BODY);
    expect(corsHeaders(headers)).toEqual({});
  });

  itWithoutGatewayResponse('answers the 415 with no CORS header either', async ({ gateway }) => {
    const { status, headers } = await exchange(gateway.url, 'GET', { 'Content-Type': 'text/plain' });

    expect(status).toBe(415);
    expect(corsHeaders(headers)).toEqual({});
  });

  itWithoutGatewayResponse('leaves the mapped 200 and 400 as they were', async ({ gateway }) => {
    const root = await exchange(gateway.url, 'GET');
    const fails = await exchange(path(gateway.url, 'fails'), 'GET');

    expect(corsHeaders(root.headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(fails.status).toBe(400);
    expect(corsHeaders(fails.headers)).toEqual({ 'access-control-allow-origin': '*' });
  });
});

describe('GET /prod/greeting: several origins, echoed by the response template', () => {
  it.for([FIRST_ORIGIN, SECOND_ORIGIN])(
    'echoes the allowed origin %s with Vary: Origin',
    async (origin, { gateway }) => {
      const { status, headers, body } = await exchange(path(gateway.url, 'greeting'), 'GET', {
        Origin: origin,
      });

      expect(status).toBe(200);
      expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': origin });
      expect(headers.vary).toBe('Origin');
      expect(headers['content-length']).toBe('20');
      expect(body).toBe('{"greeting":"hello"}');
    },
  );

  it('finds the origin when the header is sent in lower case', async ({ gateway }) => {
    const { headers } = await exchange(path(gateway.url, 'greeting'), 'GET', { origin: SECOND_ORIGIN });

    expect(headers['access-control-allow-origin']).toBe(SECOND_ORIGIN);
  });

  it('sends no Allow-Origin to an origin outside the list, but still Vary: Origin', async ({ gateway }) => {
    const { status, headers } = await exchange(path(gateway.url, 'greeting'), 'GET', {
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(200);
    expect(corsHeaders(headers)).toEqual({});
    expect(headers.vary).toBe('Origin');
  });

  it('sends no Allow-Origin to a request without an Origin, such as curl', async ({ gateway }) => {
    const { headers } = await exchange(path(gateway.url, 'greeting'), 'GET');

    expect(corsHeaders(headers)).toEqual({});
  });

  it("has a preflight that echoes the second origin through CDK's template", async ({ gateway }) => {
    const { status, headers } = await exchange(path(gateway.url, 'greeting'), 'OPTIONS', {
      Origin: SECOND_ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(status).toBe(204);
    expect(headers['access-control-allow-origin']).toBe(SECOND_ORIGIN);
    expect(headers.vary).toBe('Origin');
  });

  it('has a preflight that answers any other origin with the first one', async ({ gateway }) => {
    const { status, headers } = await exchange(path(gateway.url, 'greeting'), 'OPTIONS', {
      Origin: OTHER_ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(status).toBe(204);
    expect(headers['access-control-allow-origin']).toBe(FIRST_ORIGIN);
    expect(headers.vary).toBe('Origin');
  });
});

/**
 * The CDK snippet in the article's prose passes `{ message: '$util.parseJson($input.body)' }` to
 * `JSON.stringify`; the template the article prints, and its 55-byte answer, come from
 * `{ message: { output: … } }`. This small stack serves the prose version to show the difference.
 */
class FlatTemplateStack extends Stack {
  constructor(scope: ConstructorParameters<typeof Stack>[0], id: string) {
    super(scope, id);
    const fn = new LambdaFunction(this, 'EchoFn', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async (event) => event.input;'),
    });
    new RestApi(this, 'FlatApi').root.addMethod(
      'GET',
      new LambdaIntegration(fn, {
        proxy: false,
        passthroughBehavior: PassthroughBehavior.NEVER,
        requestTemplates: { 'application/json': JSON.stringify({ input: 'this is the input' }) },
        integrationResponses: [
          {
            statusCode: '200',
            responseTemplates: {
              'application/json': JSON.stringify({ message: '$util.parseJson($input.body)', state: 'ok' }),
            },
          },
        ],
      }),
      { methodResponses: [{ statusCode: '200' }] },
    );
  }
}

const itWithFlatTemplate = gatewayTest({
  source: () => synthStack((app) => new FlatTemplateStack(app, 'FlatTemplateStack'), { projectDir }),
  logger: silentLogger,
});

describe("the article's prose snippet, taken literally", () => {
  itWithFlatTemplate('answers a flat 44-byte body instead of the nested 55-byte one', async ({ gateway }) => {
    const { status, headers, body } = await exchange(gateway.url, 'GET');

    expect(status).toBe(200);
    expect(body).toBe('{"message":"this is the input","state":"ok"}');
    expect(headers['content-length']).toBe('44');
  });
});
