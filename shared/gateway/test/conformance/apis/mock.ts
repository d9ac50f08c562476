/**
 * The APIs of the MOCK integration cases (`cases/mock.ts`).
 *
 * @module
 */
import { type ApiTemplates, api, ok } from './api-builders.js';

function passthroughMockApi(behavior: string) {
  const integration = {
    Type: 'MOCK',
    PassthroughBehavior: behavior,
    RequestTemplates: { 'application/json': '{"statusCode":200}' },
    IntegrationResponses: [
      {
        StatusCode: '200',
        ResponseTemplates: { 'application/json': '{"statusCode": 200, "id": $input.params().path.id}' },
      },
    ],
  };
  const responses = [{ StatusCode: '200', ResponseModels: { 'application/json': 'Empty' } }];
  return api({
    stageName: 'test',
    methods: ['GET', 'POST'].map((httpMethod) => ({
      path: '/{id}',
      httpMethod,
      integration,
      methodResponses: responses,
    })),
  });
}

const overrideStatusTemplate = [
  '#set($context.responseOverride.status = 444)',
  '#set($context.responseOverride.header.foo = "bar")',
  '#set($context.responseOverride.custom = "is also passed around")',
  '{ "statusCode": 200 }',
].join('\n');

const readOverridesTemplate = [
  '#set($statusOverride = $context.responseOverride.status)',
  '#set($fooHeader = $context.responseOverride.header.foo)',
  '#set($custom = $context.responseOverride.custom)',
  '{ "statusOverride": "$statusOverride", "fooHeader": "$fooHeader", "custom": "$custom" }',
].join('\n');

function responseOverrideApi(withTemplate: boolean) {
  return api({
    stageName: 'dev',
    methods: [
      {
        path: '/',
        httpMethod: 'GET',
        methodResponses: ok,
        integration: {
          Type: 'MOCK',
          IntegrationHttpMethod: 'POST',
          RequestTemplates: { 'application/json': overrideStatusTemplate },
          IntegrationResponses: [
            {
              StatusCode: '200',
              SelectionPattern: '2\\d{2}',
              ...(withTemplate ? { ResponseTemplates: { 'application/json': readOverridesTemplate } } : {}),
            },
          ],
        },
      },
    ],
  });
}

export const MOCK_APIS: ApiTemplates = {
  mockWhenNoMatch: passthroughMockApi('WHEN_NO_MATCH'),
  mockNever: passthroughMockApi('NEVER'),
  mockWhenNoTemplates: passthroughMockApi('WHEN_NO_TEMPLATES'),
  mockRequestOverride: api({
    stageName: 'dev',
    methods: [
      {
        path: '/{testPath}',
        httpMethod: 'GET',
        methodResponses: ok,
        integration: {
          Type: 'MOCK',
          IntegrationHttpMethod: 'POST',
          RequestTemplates: {
            'application/json': [
              "#set($body = $util.base64Decode($input.params('testPath')))",
              '#set($context.requestOverride.path.body = $body)',
              '{ "statusCode": 200 }',
            ].join('\n'),
          },
          IntegrationResponses: [
            {
              StatusCode: '200',
              SelectionPattern: '2\\d{2}',
              ResponseTemplates: {
                'application/json': [
                  '#set($body = $util.parseJson($context.requestOverride.path.body))',
                  '#set($inputBody = $body.message)',
                  '#if($inputBody == "path1")',
                  '{ "response": "path was path one" }',
                  '#elseif($inputBody == "path2")',
                  '{ "response": "path was path two" }',
                  '#else',
                  '{ "response": "this is the else clause" }',
                  '#end',
                ].join('\n'),
              },
            },
          ],
        },
      },
    ],
  }),
  mockResponseOverrideTemplate: responseOverrideApi(true),
  mockResponseOverrideNoTemplate: responseOverrideApi(false),
  mockMapAssignment: api({
    stageName: 'dev',
    methods: [
      {
        path: '/',
        httpMethod: 'GET',
        methodResponses: ok,
        integration: {
          Type: 'MOCK',
          IntegrationHttpMethod: 'POST',
          RequestTemplates: {
            'application/json': [
              '#set($paramName = "foo")',
              '#set($context.requestOverride.querystring[$paramName] = "bar")',
              '#set($paramPutName = "putfoo")',
              '$context.requestOverride.querystring.put($paramPutName, "putBar")',
              '#set($context["requestOverride"].querystring["nestedfoo"] = "nestedFoo")',
              '{ "statusCode": 200 }',
            ].join('\n'),
          },
          IntegrationResponses: [
            {
              StatusCode: '200',
              SelectionPattern: '2\\d{2}',
              ResponseTemplates: {
                'application/json': [
                  '#set($value = $context.requestOverride.querystring["foo"])',
                  '#set($value2 = $context.requestOverride.querystring["putfoo"])',
                  '#set($value3 = $context.requestOverride.querystring["nestedfoo"])',
                  '{ "value": "$value", "value2": "$value2", "value3": "$value3" }',
                ].join('\n'),
              },
            },
          ],
        },
      },
    ],
  }),
  mockPathParameter: api({
    stageName: 'dev',
    methods: [
      {
        path: '/{testPath}',
        httpMethod: 'GET',
        requestParameters: { 'method.request.path.testPath': true },
        methodResponses: ok,
        integration: {
          Type: 'MOCK',
          IntegrationHttpMethod: 'POST',
          RequestParameters: { 'integration.request.path.integrationPath': 'method.request.path.testPath' },
          RequestTemplates: { 'application/json': '{statusCode: 200}' },
          IntegrationResponses: [{ StatusCode: '200', SelectionPattern: '2\\d{2}', ResponseTemplates: {} }],
        },
      },
    ],
  }),
};
