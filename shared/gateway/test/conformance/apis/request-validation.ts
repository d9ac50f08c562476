/**
 * The APIs of the request validation cases (`cases/request-validation.ts`).
 *
 * @module
 */
import { type ApiTemplates, api, ok, proxy } from './api-builders.js';

/**
 * The recorded request validation setup: `/nested/{test}` with GET and POST through a Lambda proxy, a
 * validator of parameters and body, the `testSchema` model for JSON bodies, and three required parameters
 * (`pathPart` names the path parameter the POST requires; the recording also required `issuer`, which the
 * path does not have).
 */
function validatorApi(options: { pathPart: string; validate: boolean }) {
  const properties = {
    RequestValidatorId: { Ref: 'Validator' },
    RequestModels: { 'application/json': { Ref: 'TestSchema' } },
  };
  const requiring = (pathPart: string) => ({
    [`method.request.path.${pathPart}`]: true,
    'method.request.querystring.qs1': true,
    'method.request.header.x-header-param': true,
  });
  return api({
    stageName: 'local',
    methods: ['GET', 'POST'].map((httpMethod) => ({
      path: '/nested/{test}',
      httpMethod,
      integration: proxy('ProxyEcho'),
      methodResponses: ok,
      requestParameters: requiring(httpMethod === 'POST' ? options.pathPart : 'test'),
      properties,
    })),
    extraResources: {
      Validator: {
        Type: 'AWS::ApiGateway::RequestValidator',
        Properties: {
          RestApiId: { Ref: 'Api' },
          Name: 'test-validator',
          ValidateRequestBody: options.validate,
          ValidateRequestParameters: options.validate,
        },
      },
      TestSchema: {
        Type: 'AWS::ApiGateway::Model',
        Properties: {
          RestApiId: { Ref: 'Api' },
          Name: 'testSchema',
          ContentType: 'application/json',
          Schema: {
            $schema: 'http://json-schema.org/draft-04/schema#',
            title: 'testSchema',
            type: 'object',
            properties: { a: { type: 'number' }, b: { type: 'number' } },
            required: ['a', 'b'],
          },
        },
      },
    },
  });
}

export const REQUEST_VALIDATION_APIS: ApiTemplates = {
  validator: validatorApi({ pathPart: 'test', validate: true }),
  validatorIssuer: validatorApi({ pathPart: 'issuer', validate: true }),
  validatorDisabled: validatorApi({ pathPart: 'test', validate: false }),
};
