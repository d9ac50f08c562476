import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { articleMethod, functions, lambdaCustom } from '../support/lambda-custom-api.js';
import { restApiTemplate } from '../support/rest-template.js';
import { serveTemplate } from '../support/serve.js';

describe('gateway responses', () => {
  const withGatewayResponses = (extra: Record<string, unknown>) =>
    restApiTemplate({ functions, methods: [articleMethod], extraResources: extra });

  it('sends no CORS header on an error unless a gateway response adds it', async () => {
    const { url } = await serveTemplate(withGatewayResponses({}));
    const response = await request(`${url}missing`);
    expect(response.statusCode).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    await response.body.dump();
  });

  it('adds DEFAULT_4XX headers and template to every 4XX type not customised', async () => {
    const { url } = await serveTemplate(
      withGatewayResponses({
        Default4xx: {
          Type: 'AWS::ApiGateway::GatewayResponse',
          Properties: {
            RestApiId: { Ref: 'Api' },
            ResponseType: 'DEFAULT_4XX',
            ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
            ResponseTemplates: {
              'application/json':
                '{"error":$context.error.messageString,"type":"$context.error.responseType"}',
            },
          },
        },
      }),
    );
    const missing = await request(`${url}missing`);
    expect(missing.statusCode).toBe(403);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
    expect(await missing.body.text()).toBe(
      '{"error":"Missing Authentication Token","type":"MISSING_AUTHENTICATION_TOKEN"}',
    );
    const unsupported = await request(url, { headers: { 'content-type': 'text/plain' } });
    expect(unsupported.statusCode).toBe(415);
    expect(unsupported.headers['access-control-allow-origin']).toBe('*');
    await unsupported.body.dump();
  });

  it('lets DEFAULT_5XX set the status of every 5XX type not customised', async () => {
    const { url } = await serveTemplate(
      restApiTemplate({
        functions,
        methods: [
          {
            path: '/',
            httpMethod: 'GET',
            integration: lambdaCustom('Failing', {
              IntegrationResponses: [{ StatusCode: '400', SelectionPattern: 'x' }],
            }),
            methodResponses: [{ StatusCode: '400' }],
          },
        ],
        extraResources: {
          Default5xx: {
            Type: 'AWS::ApiGateway::GatewayResponse',
            Properties: { RestApiId: { Ref: 'Api' }, ResponseType: 'DEFAULT_5XX', StatusCode: '599' },
          },
        },
      }),
    );
    const response = await request(url);
    expect(response.statusCode).toBe(599);
    await response.body.dump();
  });
});
