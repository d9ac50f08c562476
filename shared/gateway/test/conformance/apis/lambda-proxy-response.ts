/**
 * The APIs of the Lambda proxy response cases (`cases/lambda-proxy-response.ts`).
 *
 * @module
 */
import { type ApiTemplates, api, proxy } from './api-builders.js';

export const LAMBDA_PROXY_RESPONSE_APIS: ApiTemplates = {
  proxyGetMethod: api({
    stageName: 'test',
    methods: [
      {
        path: '/{proxy+}',
        httpMethod: 'ANY',
        integration: proxy('ProxyEcho', { IntegrationHttpMethod: 'GET' }),
      },
    ],
    extraResources: {
      IntegrationFailure: {
        Type: 'AWS::ApiGateway::GatewayResponse',
        Properties: {
          RestApiId: { Ref: 'Api' },
          ResponseType: 'INTEGRATION_FAILURE',
          ResponseParameters: {},
        },
      },
    },
  }),
  resultFromBody: api({
    stageName: 'test',
    methods: [{ path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ResultFromBody') }],
  }),
  proxyFormat: api({
    stageName: 'test',
    methods: [{ path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ProxyFormat') }],
  }),
};
