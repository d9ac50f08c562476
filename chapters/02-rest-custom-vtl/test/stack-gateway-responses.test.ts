import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { resource, synthesize } from './stack-template.js';

describe("the API's own errors: the DEFAULT_4XX gateway response", () => {
  it("adds Access-Control-Allow-Origin: '*' to every 4XX API Gateway answers itself", () => {
    expect(resource('CustomCorsRestApiDefault4xxF5344084')).toEqual({
      Type: 'AWS::ApiGateway::GatewayResponse',
      Properties: {
        ResponseType: 'DEFAULT_4XX',
        ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
        RestApiId: { Ref: 'CustomCorsRestApi3D2B9919' },
      },
    });
  });

  it('is left out with corsOnGatewayErrors: false', () => {
    Template.fromJSON(synthesize({ corsOnGatewayErrors: false })).resourceCountIs(
      'AWS::ApiGateway::GatewayResponse',
      0,
    );
  });
});
