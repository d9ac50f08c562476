import { describe, expect, it } from 'vitest';
import type { CfnResource } from '../../src/assembly/cfn-template.js';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { readGatewayResponses } from '../../src/rest/read-gateway-responses.js';

const resolver = new IntrinsicResolver({ Resources: {} }, 's', localPseudoParameters({}));

function response(properties: Record<string, unknown>): [string, CfnResource] {
  return ['Default4xx', { Type: 'AWS::ApiGateway::GatewayResponse', Properties: properties }];
}

describe('readGatewayResponses', () => {
  it('reads the static headers, status and templates of each response type', () => {
    const read = readGatewayResponses(
      [
        response({
          ResponseType: 'DEFAULT_4XX',
          StatusCode: '400',
          ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
          ResponseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
        }),
      ],
      resolver,
      'T.json',
    );
    const customised = read.get('DEFAULT_4XX');
    expect(customised?.statusCode).toBe(400);
    expect(customised?.headers).toEqual([['Access-Control-Allow-Origin', '*']]);
    expect([...(customised?.templates.byType.keys() ?? [])]).toEqual(['application/json']);
  });

  it('refuses an unknown response type with API Gateway’s message', () => {
    expect(() => readGatewayResponses([response({ ResponseType: 'NOPE' })], resolver, 'T.json')).toThrow(
      'Invalid response type specified: NOPE',
    );
  });

  it('refuses a header value that is not static, quoting it', () => {
    const dynamic = response({
      ResponseType: 'DEFAULT_5XX',
      ResponseParameters: { 'gatewayresponse.header.X-Origin': 'method.request.header.Origin' },
    });
    expect(() => readGatewayResponses([dynamic], resolver, 'T.json')).toThrow(
      "only static 'values' are supported locally for gatewayresponse.header.X-Origin, got method.request.header.Origin",
    );
  });
});
