import { describe, expect, it } from 'vitest';
import { functionLookup } from '../../src/assembly/function-catalog.js';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { GatewayConfigError } from '../../src/errors.js';
import { readHttpIntegration } from '../../src/http/read-http-integration.js';

const reading = {
  resolver: new IntrinsicResolver({ Resources: {} }, 's', localPseudoParameters({})),
  templateFile: 'T.json',
  functionsByArn: functionLookup(new Map()),
};
const integration = (properties: Record<string, unknown>) =>
  readHttpIntegration(reading, 'Integration', {
    Type: 'AWS::ApiGatewayV2::Integration',
    Properties: properties,
  });

describe('readHttpIntegration', () => {
  it('refuses an integration type other than AWS_PROXY and HTTP_PROXY, naming the integration', () => {
    const read = () => integration({ IntegrationType: 'MOCK' });
    expect(read).toThrow(GatewayConfigError);
    expect(read).toThrow(/IntegrationType "MOCK" is not supported by the local gateway/);
  });

  it('refuses a timeout outside 50 to 30000 ms, quoting it', () => {
    expect(() => integration({ IntegrationType: 'AWS_PROXY', TimeoutInMillis: 40_000 })).toThrow(
      'TimeoutInMillis must be an integer from 50 to 30000, got 40000',
    );
  });

  it('refuses a URI that is no Lambda function, and a function the stack does not define', () => {
    expect(() =>
      integration({ IntegrationType: 'AWS_PROXY', IntegrationUri: 'https://example.com' }),
    ).toThrow(/IntegrationUri must be a Lambda function ARN/);
    const elsewhere = 'arn:aws:lambda:us-east-1:123456789012:function:Elsewhere';
    expect(() => integration({ IntegrationType: 'AWS_PROXY', IntegrationUri: elsewhere })).toThrow(
      `the integration invokes ${elsewhere}, which is not a function with local code in this stack`,
    );
  });
});
