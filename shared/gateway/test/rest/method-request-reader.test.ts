import { describe, expect, it } from 'vitest';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import type { LoadedStack } from '../../src/assembly/load-assembly.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { readLambdaFunctions } from '../../src/lambda/lambda-function.js';
import { readRestApis } from '../../src/rest/read-rest-apis.js';
import { restApiTemplate, type TestMethod } from '../support/rest-template.js';

function read(properties: Record<string, unknown>, extraResources: Record<string, unknown> = {}) {
  const method: TestMethod = {
    path: '/',
    httpMethod: 'POST',
    integration: { Type: 'MOCK', RequestTemplates: { 'application/json': '{"statusCode": 200}' } },
    properties,
  };
  const template = restApiTemplate({ methods: [method], extraResources });
  const stack: LoadedStack = {
    stackName: 's',
    artifactId: 's',
    templateFile: 'T.json',
    template,
    assets: new Map(),
    baseDir: '.',
  };
  const resolver = new IntrinsicResolver(template, 's', localPseudoParameters({}));
  return readRestApis(stack, resolver, readLambdaFunctions(stack, resolver))[0]!;
}

const validator = {
  Type: 'AWS::ApiGateway::RequestValidator',
  Properties: { RestApiId: { Ref: 'Api' }, ValidateRequestBody: true, ValidateRequestParameters: true },
};

describe('reading the method request', () => {
  it('serves ApiKeyRequired instead of refusing it', () => {
    const api = read({ ApiKeyRequired: true });
    expect(api.root.methods.get('POST')!.request.apiKeyRequired).toBe(true);
  });

  it('refuses a RequestValidatorId that is not a validator of the API, naming the method', () => {
    expect(() => read({ RequestValidatorId: 'nope' })).toThrow(
      '(Method0): Invalid Request Validator identifier specified: nope',
    );
  });

  it('refuses a request model that the API does not define', () => {
    expect(() =>
      read(
        { RequestValidatorId: { Ref: 'V' }, RequestModels: { 'application/json': 'Missing' } },
        { V: validator },
      ),
    ).toThrow('(Method0): Invalid model identifier specified: Missing');
  });

  it('knows the Empty and Error models every REST API has', () => {
    const api = read(
      { RequestValidatorId: { Ref: 'V' }, RequestModels: { 'application/json': 'Empty' } },
      { V: validator },
    );
    const validate = api.root.methods.get('POST')!.request.validation!.bodyModels!.get('application/json')!;
    expect(validate({})).toBe(true);
    expect(validate('text')).toBe(false);
  });

  it('refuses a model whose schema is not valid draft 4, naming the model', () => {
    expect(() =>
      read(
        { RequestValidatorId: { Ref: 'V' }, RequestModels: { 'application/json': 'Bad' } },
        {
          V: validator,
          Bad: {
            Type: 'AWS::ApiGateway::Model',
            Properties: { RestApiId: { Ref: 'Api' }, Name: 'Bad', Schema: { type: 'no-such-type' } },
          },
        },
      ),
    ).toThrow('(Bad): Invalid model schema specified');
  });

  it('refuses a malformed request parameter key with API Gateway’s message', () => {
    expect(() =>
      read(
        { RequestValidatorId: { Ref: 'V' }, RequestParameters: { 'method.request.cookie.x': true } },
        { V: validator },
      ),
    ).toThrow('Invalid method request parameter specified: method.request.cookie.x');
  });

  it('refuses an API key value shorter than 20 characters', () => {
    expect(() =>
      read({}, { K: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Value: 'short', Enabled: true } } }),
    ).toThrow('(K): API Key value should be at least 20 characters long, got "short"');
  });

  it('refuses a usage plan quota period AWS does not know', () => {
    expect(() =>
      read(
        {},
        {
          P: {
            Type: 'AWS::ApiGateway::UsagePlan',
            Properties: {
              ApiStages: [{ ApiId: { Ref: 'Api' }, Stage: 'prod' }],
              Quota: { Limit: 1, Period: 'YEAR' },
            },
          },
        },
      ),
    ).toThrow('(P): Invalid quota period specified: "YEAR"');
  });

  it('reads a stage default and a per-method throttle from MethodSettings', () => {
    const api = read(
      {},
      {
        ApiStageProd: {
          Type: 'AWS::ApiGateway::Stage',
          Properties: {
            RestApiId: { Ref: 'Api' },
            DeploymentId: { Ref: 'ApiDeployment' },
            StageName: 'prod',
            MethodSettings: [
              { ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 5 },
              {
                ResourcePath: '/~1items~1{id}',
                HttpMethod: 'GET',
                ThrottlingRateLimit: 1,
                ThrottlingBurstLimit: 2,
              },
            ],
          },
        },
      },
    );
    const throttling = api.stages.get('prod')!.throttling;
    expect(throttling.defaults).toEqual({ rateLimit: 5, burstLimit: 5000 });
    expect(throttling.methods.get('/items/{id}/GET')).toEqual({ rateLimit: 1, burstLimit: 2 });
  });
});
