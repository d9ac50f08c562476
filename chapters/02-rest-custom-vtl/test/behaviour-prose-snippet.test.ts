import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest, synthStack } from '@cors-workshop/testing';
import { Stack } from 'aws-cdk-lib';
import { LambdaIntegration, PassthroughBehavior, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect } from 'vitest';
import { exchange } from './gateway-exchange.js';
import { projectDir } from './project-dir.js';

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
