import { describe, expect, it } from 'vitest';
import { startGateway } from '../../src/start-gateway.js';
import { declaresAllowOrigin } from '../support/allow-origin-parameters.js';
import { articleMethod, functions, lambdaCustom } from '../support/lambda-custom-api.js';
import { restApiTemplate, type TestMethod, writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

describe('templates AWS would refuse to deploy', () => {
  const refuse = (method: TestMethod) =>
    startGateway({
      source: writeTemplate(restApiTemplate({ functions, methods: [method] })),
      logger: recordingLogger(),
    });

  it('refuses a template with a syntax error, naming the method', async () => {
    await expect(
      refuse({
        ...articleMethod,
        integration: lambdaCustom('CustomFn', {
          RequestTemplates: { 'application/json': '#if($x) unclosed' },
          IntegrationResponses: [{ StatusCode: '200' }],
        }),
        methodResponses: [{ StatusCode: '200' }],
      }),
    ).rejects.toThrow(/Test\.template\.json \(Method0\): .*RequestTemplates\["application\/json"\]/);
  });

  it('refuses an integration response whose status has no method response', async () => {
    await expect(
      refuse({
        ...articleMethod,
        methodResponses: [{ StatusCode: '201', ResponseParameters: declaresAllowOrigin }],
      }),
    ).rejects.toThrow(
      '(Method0): Invalid Response status code specified: integration response 200 has no method response',
    );
  });
});
