import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GatewayConfigError, silentLogger, startGateway } from '@cors-workshop/gateway';
import { gatewayTest, type SynthesizedStack, synthStack } from '@cors-workshop/testing';
import { Duration } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { ProxyCorsHttpapiStack } from '../lib/proxy-cors-httpapi-stack.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

/** Handlers that go wrong in the ways proxy handlers usually do, by route path. */
const FAULTY_HANDLERS: Record<string, { code: string; timeout?: Duration }> = {
  throws: { code: "exports.handler = async () => { throw new Error('boom'); };" },
  hangs: { code: 'exports.handler = () => new Promise(() => {});', timeout: Duration.seconds(1) },
  'status-not-a-number': { code: "exports.handler = async () => ({ statusCode: 'ok', body: '' });" },
  'body-not-a-string': {
    code: "exports.handler = async () => ({ statusCode: 200, body: { state: 'ok' } });",
  },
  'no-status-code': { code: "exports.handler = async () => ({ state: 'ok' });" },
};

/** The chapter's stack, with one more route on ProxyCorsHttpApi for each faulty handler. */
function stackWithFaultyRoutes(): SynthesizedStack {
  return synthStack(
    (app) => {
      const stack = new ProxyCorsHttpapiStack(app, 'ProxyCorsHttpapiStack', {
        stackName: 'proxy-cors-httpapi-stack',
      });
      for (const [path, { code, timeout }] of Object.entries(FAULTY_HANDLERS)) {
        const fn = new LambdaFunction(stack, `Faulty-${path}`, {
          code: Code.fromInline(code),
          handler: 'index.handler',
          runtime: Runtime.NODEJS_22_X,
          timeout,
        });
        stack.httpApi.addRoutes({
          path: `/${path}`,
          methods: [HttpMethod.GET],
          integration: new HttpLambdaIntegration(`Faulty-${path}-integration`, fn),
        });
      }
    },
    { projectDir, bundling: true },
  );
}

const it = gatewayTest({ source: stackWithFaultyRoutes, logger: silentLogger });

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

describe('a function that fails', () => {
  it.for(['throws', 'hangs', 'status-not-a-number', 'body-not-a-string'])(
    'GET /%s is answered with 500 {"message":"Internal Server Error"}',
    async (path, { gateway }) => {
      const { status, headers, body } = await get(
        new URL(path, gateway.urlOf('ProxyCorsHttpApiC5DA21B9')).href,
      );

      expect(status).toBe(500);
      expect(headers['content-type']).toBe('application/json');
      expect(headers['apigw-requestid']).toMatch(/^[A-Za-z0-9+/]{15}=$/);
      expect(body).toBe('{"message":"Internal Server Error"}');
    },
  );

  it('still gets the CORS header of the configuration, so the page can read the 500', async ({ gateway }) => {
    const { status, headers } = await get(new URL('throws', gateway.urlOf('ProxyCorsHttpApiC5DA21B9')).href, {
      Origin: 'https://page.example',
    });

    expect(status).toBe(500);
    expect(headers['access-control-allow-origin']).toBe('*');
  });

  it('is not what a result without statusCode is: that one becomes a JSON 200', async ({ gateway }) => {
    const { status, headers, body } = await get(
      new URL('no-status-code', gateway.urlOf('ProxyCorsHttpApiC5DA21B9')).href,
    );

    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/json');
    expect(body).toBe('{"state":"ok"}');
  });
});

describe('a template AWS would refuse to deploy', () => {
  let synthesized: SynthesizedStack;
  const copies: string[] = [];

  beforeAll(() => {
    synthesized = synthStack(
      (app) =>
        new ProxyCorsHttpapiStack(app, 'ProxyCorsHttpapiStack', { stackName: 'proxy-cors-httpapi-stack' }),
      { projectDir, bundling: true },
    );
  });

  afterAll(() => {
    synthesized.dispose();
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  });

  /** A copy of the cloud assembly whose template went through `edit`. */
  function editedAssembly(
    edit: (resources: Record<string, { Properties: Record<string, unknown> }>) => void,
  ): string {
    const copy = mkdtempSync(join(tmpdir(), 'chapter-03-edited-'));
    copies.push(copy);
    cpSync(synthesized.assemblyDir, copy, { recursive: true });
    const file = join(copy, 'ProxyCorsHttpapiStack.template.json');
    const template = JSON.parse(readFileSync(file, 'utf8'));
    edit(template.Resources);
    writeFileSync(file, JSON.stringify(template));
    return copy;
  }

  async function refusal(source: string): Promise<GatewayConfigError> {
    const error = await startGateway({ source, port: 0, logger: silentLogger }).then(
      async (gateway) => {
        await gateway.close();
        return undefined;
      },
      (failure: unknown) => failure,
    );
    if (!(error instanceof GatewayConfigError))
      throw new Error(`expected a GatewayConfigError, got ${String(error)}`);
    return error;
  }

  it("is refused when it allows credentials for every origin, in API Gateway's words", async () => {
    const source = editedAssembly((resources) => {
      (
        resources.ProxyCorsHttpApiC5DA21B9!.Properties.CorsConfiguration as Record<string, unknown>
      ).AllowCredentials = true;
    });

    const error = await refusal(source);

    expect(error.where.resource).toBe('ProxyCorsHttpApiC5DA21B9');
    expect(error.message).toContain("allow-credentials is not supported if 'allow-origin' is *");
  });

  it('is refused when a route targets an integration that does not exist', async () => {
    const source = editedAssembly((resources) => {
      resources.ProxyCorsHttpApiGET06EDA7BB!.Properties.Target = 'integrations/missing';
    });

    const error = await refusal(source);

    expect(error.where.resource).toBe('ProxyCorsHttpApiGET06EDA7BB');
    expect(error.message).toContain('Target "integrations/missing"');
  });

  it('is refused when the route key is malformed', async () => {
    const source = editedAssembly((resources) => {
      resources.ProxyCorsHttpApiGET06EDA7BB!.Properties.RouteKey = 'GET /{proxy+}/more';
    });

    const error = await refusal(source);

    expect(error.where.resource).toBe('ProxyCorsHttpApiGET06EDA7BB');
    expect(error.message).toContain('before the end of the path');
  });

  it('is refused, as the local gateway cannot serve it, when it is a WebSocket API', async () => {
    const source = editedAssembly((resources) => {
      resources.ListedOriginsHttpApiFFA6A97F!.Properties.ProtocolType = 'WEBSOCKET';
    });

    const error = await refusal(source);

    expect(error.where.resource).toBe('ListedOriginsHttpApiFFA6A97F');
    expect(error.message).toContain('WebSocket APIs');
  });
});
