import { describe, expect, it } from 'vitest';
import { functionLookup } from '../../src/assembly/function-catalog.js';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { GatewayConfigError } from '../../src/errors.js';
import { readRestIntegration } from '../../src/rest/read-rest-integration.js';

const reading = {
  resolver: new IntrinsicResolver({ Resources: {} }, 's', localPseudoParameters({})),
  templateFile: 'T.json',
  functionsByArn: functionLookup(new Map()),
  stages: new Map(),
};
const declared = new Map([['200', new Set<string>()]]);

describe('readRestIntegration', () => {
  it("reads a MOCK with API Gateway's defaults: 29 s timeout, WHEN_NO_MATCH passthrough", () => {
    const integration = readRestIntegration(
      reading,
      'GetMethod',
      {
        Type: 'MOCK',
        RequestTemplates: { 'application/json': '{"statusCode": 200}' },
        IntegrationResponses: [{ StatusCode: '200' }],
      },
      declared,
    );
    expect(integration).toMatchObject({
      type: 'MOCK',
      timeoutMs: 29_000,
      passthroughBehavior: 'WHEN_NO_MATCH',
    });
    expect(integration.integrationResponses.map((response) => response.statusCode)).toEqual(['200']);
  });

  it('refuses a method without an integration, naming the method', () => {
    const read = () => readRestIntegration(reading, 'GetMethod', undefined, declared);
    expect(read).toThrow(GatewayConfigError);
    expect(read).toThrow('the method has no Integration');
  });

  it('refuses an AWS integration calling a Lambda function the stack does not define', () => {
    const uri =
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Elsewhere/invocations';
    expect(() =>
      readRestIntegration(
        reading,
        'GetMethod',
        { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: uri },
        declared,
      ),
    ).toThrow(GatewayConfigError);
  });
});
