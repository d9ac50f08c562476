import { GatewayConfigError, silentLogger, startGateway } from '@cors-workshop/gateway';
import { synthStack } from '@cors-workshop/testing';
import { Stack } from 'aws-cdk-lib';
import { MockIntegration, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { describe, expect, it as plainIt } from 'vitest';
import { projectDir } from './project-dir.js';
import { synthesize } from './served-stack.js';

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
