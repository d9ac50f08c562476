import { describe, expect, it } from 'vitest';
import { startGateway } from '../src/start-gateway.js';
import { writeTemplate } from './support/rest-template.js';
import { recordingLogger } from './support/serve.js';

describe('an input with nothing to serve', () => {
  it('is refused, naming the APIs that have no deployed stage', async () => {
    const template = {
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'Api' } },
        Http: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'Http', ProtocolType: 'HTTP' } },
      },
    };
    const logger = recordingLogger();
    await expect(
      startGateway({ source: writeTemplate(template, 'Undeployed.template.json'), port: 0, logger }),
    ).rejects.toThrow(
      /Undeployed\.template\.json: nothing to serve: the APIs found have no deployed stage: REST API Api of Undeployed; HTTP API Http of Undeployed\. Stacks read: Undeployed \(2 resources\)/,
    );
    expect(logger.lines).toContain('Undeployed/Api: no stage is deployed, so it is not served');
  });

  it('serves the APIs that have a stage, and only logs the one that has none', async () => {
    const template = {
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'Api' } },
        Http: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'Http', ProtocolType: 'HTTP' } },
        HttpStage: {
          Type: 'AWS::ApiGatewayV2::Stage',
          Properties: { ApiId: { Ref: 'Http' }, StageName: '$default', AutoDeploy: true },
        },
      },
    };
    const logger = recordingLogger();
    const gateway = await startGateway({ source: writeTemplate(template), port: 0, logger });
    await gateway.close();
    expect(gateway.apis.map((api) => api.logicalId)).toEqual(['Http']);
    expect(
      logger.lines.some((line) => line.endsWith('/Api: no stage is deployed, so it is not served')),
    ).toBe(true);
  });
});
