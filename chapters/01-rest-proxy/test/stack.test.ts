import { type CloudFormationResource, renderExpectedTemplate, sharedTemplate } from '@cors-workshop/testing';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOWED_ORIGINS } from '../lib/proxy-cors-restapi-stack.js';

// The template of the synth every test file of the chapter shares (test/global-setup.ts, the `assembly` of
// checks.ts). The article's stack was deployed to us-east-1, which is why its Uri names that region; the
// region is pinned there so that our Uri is the same, character for character.
const synth = { template: sharedTemplate() };

const template = Template.fromJSON(synth.template);
const resources = synth.template.Resources ?? {};

function resource(logicalId: string): CloudFormationResource {
  const found = resources[logicalId];
  if (found === undefined) {
    throw new Error(`No resource "${logicalId}"; the template has: ${Object.keys(resources).join(', ')}`);
  }
  return found;
}

function integrationOf(logicalId: string): Record<string, unknown> {
  return resource(logicalId).Properties?.Integration as Record<string, unknown>;
}

const ARTICLE_PREFLIGHT_PARAMETERS = {
  'method.response.header.Access-Control-Allow-Headers':
    "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'",
  'method.response.header.Access-Control-Allow-Origin': "'*'",
  'method.response.header.Access-Control-Allow-Methods': "'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'",
};

describe('ProxyCorsRestapiStack', () => {
  it('synthesizes the expected template', async () => {
    await expect(renderExpectedTemplate(synth.template)).toMatchFileSnapshot(
      './expected/ProxyCorsRestapiStack.template.json',
    );
  });

  it("keeps the article's logical IDs, the greeting route notwithstanding", () => {
    expect({
      ProxyCorsRestApiB964F16B: resource('ProxyCorsRestApiB964F16B').Type,
      ProxyCorsRestApiOPTIONSEF3C92C2: resource('ProxyCorsRestApiOPTIONSEF3C92C2').Type,
      ProxyCorsRestApiget33C342A8: resource('ProxyCorsRestApiget33C342A8').Type,
      RestProxyFn04E83FA9: resource('RestProxyFn04E83FA9').Type,
    }).toEqual({
      ProxyCorsRestApiB964F16B: 'AWS::ApiGateway::RestApi',
      ProxyCorsRestApiOPTIONSEF3C92C2: 'AWS::ApiGateway::Method',
      ProxyCorsRestApiget33C342A8: 'AWS::ApiGateway::Method',
      RestProxyFn04E83FA9: 'AWS::Lambda::Function',
    });
  });
});

describe('the preflight: OPTIONS on the root resource', () => {
  const options = resource('ProxyCorsRestApiOPTIONSEF3C92C2').Properties ?? {};

  it('is an OPTIONS method on the root resource, open to anyone', () => {
    expect(options.HttpMethod).toBe('OPTIONS');
    expect(options.AuthorizationType).toBe('NONE');
    expect(options.ResourceId).toEqual({ 'Fn::GetAtt': ['ProxyCorsRestApiB964F16B', 'RootResourceId'] });
    expect(options.RestApiId).toEqual({ Ref: 'ProxyCorsRestApiB964F16B' });
  });

  it('is a MOCK integration whose request template is { statusCode: 200 }', () => {
    const integration = integrationOf('ProxyCorsRestApiOPTIONSEF3C92C2');

    expect(integration.Type).toBe('MOCK');
    expect(integration.RequestTemplates).toEqual({ 'application/json': '{ statusCode: 200 }' });
  });

  it("answers 204 with exactly the article's three header mappings, in the article's order", () => {
    const [response, ...others] = integrationOf('ProxyCorsRestApiOPTIONSEF3C92C2')
      .IntegrationResponses as Array<Record<string, unknown>>;

    expect(others).toEqual([]);
    expect(response).toEqual({ StatusCode: '204', ResponseParameters: ARTICLE_PREFLIGHT_PARAMETERS });
    expect(Object.keys(response?.ResponseParameters as object)).toEqual(
      Object.keys(ARTICLE_PREFLIGHT_PARAMETERS),
    );
  });

  it('declares the three headers on its 204 method response', () => {
    expect(options.MethodResponses).toEqual([
      {
        StatusCode: '204',
        ResponseParameters: {
          'method.response.header.Access-Control-Allow-Headers': true,
          'method.response.header.Access-Control-Allow-Origin': true,
          'method.response.header.Access-Control-Allow-Methods': true,
        },
      },
    ]);
  });
});

describe('the actual request: GET on the root resource', () => {
  const get = resource('ProxyCorsRestApiget33C342A8').Properties ?? {};

  it('is a GET method on the root resource', () => {
    expect(get.HttpMethod).toBe('GET');
    expect(get.ResourceId).toEqual({ 'Fn::GetAtt': ['ProxyCorsRestApiB964F16B', 'RootResourceId'] });
  });

  it('invokes RestProxyFn with an AWS_PROXY integration that POSTs to the Lambda invocations path', () => {
    expect(integrationOf('ProxyCorsRestApiget33C342A8')).toEqual({
      IntegrationHttpMethod: 'POST',
      Type: 'AWS_PROXY',
      Uri: {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':apigateway:us-east-1:lambda:path/2015-03-31/functions/',
            { 'Fn::GetAtt': ['RestProxyFn04E83FA9', 'Arn'] },
            '/invocations',
          ],
        ],
      },
    });
  });

  it('gets no CORS header from CDK: no method response, no integration response, no mapping', () => {
    expect(get.MethodResponses).toBeUndefined();
    expect(integrationOf('ProxyCorsRestApiget33C342A8').IntegrationResponses).toBeUndefined();
    expect(JSON.stringify(get)).not.toMatch(/Access-Control/i);
  });

  it('lets API Gateway invoke RestProxyFn', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': ['RestProxyFn04E83FA9', 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
    });
  });
});

describe('the functions', () => {
  it('run on Node.js 22 with the bundled index.handler', () => {
    for (const logicalId of ['RestProxyFn04E83FA9', 'GreetingFn9F2B6352']) {
      expect(resource(logicalId).Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
      });
    }
  });

  it('log to their own group, kept one day and deleted with the stack; CDK adds no other group', () => {
    const logGroups = template.findResources('AWS::Logs::LogGroup');

    expect(Object.keys(logGroups).sort()).toEqual(['GreetingFnLogs530A998F', 'RestProxyFnLogsDAC9F9D6']);
    for (const logGroup of Object.values(logGroups)) {
      expect(logGroup).toMatchObject({ Properties: { RetentionInDays: 1 }, DeletionPolicy: 'Delete' });
    }
    expect(resource('RestProxyFn04E83FA9').Properties?.LoggingConfig).toEqual({
      LogGroup: { Ref: 'RestProxyFnLogsDAC9F9D6' },
    });
  });

  it('leave the account alone: no CloudWatch role for API Gateway', () => {
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
    template.resourcePropertiesCountIs('AWS::IAM::Role', { Description: 'API Gateway CloudWatch role' }, 0);
  });
});

describe('the better way: GET /greeting', () => {
  const greetingOptions = integrationOf('ProxyCorsRestApigreetingOPTIONS894C0D55');
  const [greetingPreflight] = greetingOptions.IntegrationResponses as Array<Record<string, unknown>>;

  it('gives GreetingFn the allowed origins', () => {
    expect(resource('GreetingFn9F2B6352').Properties?.Environment).toEqual({
      Variables: { ALLOWED_ORIGINS: DEFAULT_ALLOWED_ORIGINS.join(',') },
    });
  });

  it('invokes GreetingFn with an AWS_PROXY integration', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      ResourceId: { Ref: 'ProxyCorsRestApigreeting6342CC27' },
      Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST' },
    });
  });

  it('has a preflight of its own, restricted to the same origins and answering with Vary: Origin', () => {
    expect(greetingPreflight?.ResponseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Headers':
        ARTICLE_PREFLIGHT_PARAMETERS['method.response.header.Access-Control-Allow-Headers'],
      'method.response.header.Access-Control-Allow-Origin': `'${DEFAULT_ALLOWED_ORIGINS[0]}'`,
      'method.response.header.Vary': "'Origin'",
      'method.response.header.Access-Control-Allow-Methods':
        ARTICLE_PREFLIGHT_PARAMETERS['method.response.header.Access-Control-Allow-Methods'],
    });
  });

  it('echoes the other allowed origins from a response template', () => {
    const templates = greetingPreflight?.ResponseTemplates as Record<string, string> | undefined;
    const responseTemplate = templates?.['application/json'];

    expect(responseTemplate).toContain(`#if($origin == "${DEFAULT_ALLOWED_ORIGINS[1]}")`);
    expect(responseTemplate).toContain(
      '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    );
  });

  it('publishes the invoke URL as an output, for scripts/verify.sh after a deploy', () => {
    const outputKeys = Object.keys(synth.template.Outputs ?? {});

    expect(outputKeys.filter((key) => key.startsWith('ProxyCorsRestApiEndpoint'))).toHaveLength(1);
  });
});
