import { fileURLToPath } from 'node:url';
import { type CloudFormationResource, renderExpectedTemplate, synthStack } from '@cors-workshop/testing';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ErrorsCorsStack, INTEGRATION_TIMEOUT } from '../lib/errors-cors-stack.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const synth = synthStack(
  (app) =>
    new ErrorsCorsStack(app, 'ErrorsCorsStack', {
      stackName: 'errors-cors-stack',
      env: { region: 'us-east-1' },
    }),
  { projectDir },
);
synth.dispose();

const template = Template.fromJSON(synth.template);
const resources = synth.template.Resources ?? {};

function resource(logicalId: string): CloudFormationResource {
  const found = resources[logicalId];
  if (found === undefined) {
    throw new Error(`No resource "${logicalId}"; the template has: ${Object.keys(resources).join(', ')}`);
  }
  return found;
}

/** The gateway responses of one REST API, by response type. */
function gatewayResponsesOf(apiLogicalId: string): Record<string, Record<string, unknown>> {
  const found = template.findResources('AWS::ApiGateway::GatewayResponse', {
    Properties: { RestApiId: { Ref: apiLogicalId } },
  });
  return Object.fromEntries(
    Object.values(found).map((response) => {
      const { RestApiId: _, ...properties } = response.Properties as Record<string, unknown>;
      return [String(properties.ResponseType), properties];
    }),
  );
}

const ALLOW_ANY_ORIGIN = { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" };

describe('ErrorsCorsStack', () => {
  it('synthesizes the expected template', async () => {
    await expect(renderExpectedTemplate(synth.template)).toMatchFileSnapshot(
      './expected/ErrorsCorsStack.template.json',
    );
  });

  it('publishes the four invoke URLs as outputs, for scripts/verify.sh after a deploy', () => {
    const keys = Object.keys(synth.template.Outputs ?? {});

    for (const prefix of ['BareRestApiEndpoint', 'FixedRestApiEndpoint', 'BinaryRestApiEndpoint']) {
      expect(keys.filter((key) => key.startsWith(prefix))).toHaveLength(1);
    }
    expect(keys).toContain('ErrorsHttpApiEndpoint');
  });
});

describe('gateway responses', () => {
  it('are none on BareRestApi', () => {
    expect(gatewayResponsesOf('BareRestApi5A595F09')).toEqual({});
  });

  it('on FixedRestApi: DEFAULT_4XX and DEFAULT_5XX add the header, and nothing else', () => {
    const responses = gatewayResponsesOf('FixedRestApi0F650B4E');

    expect(responses.DEFAULT_4XX).toEqual({
      ResponseType: 'DEFAULT_4XX',
      ResponseParameters: ALLOW_ANY_ORIGIN,
    });
    expect(responses.DEFAULT_5XX).toEqual({
      ResponseType: 'DEFAULT_5XX',
      ResponseParameters: ALLOW_ANY_ORIGIN,
    });
  });

  it('on FixedRestApi: MISSING_AUTHENTICATION_TOKEN repeats the header, with a 404 and a body of its own', () => {
    expect(gatewayResponsesOf('FixedRestApi0F650B4E').MISSING_AUTHENTICATION_TOKEN).toEqual({
      ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
      StatusCode: '404',
      ResponseParameters: ALLOW_ANY_ORIGIN,
      ResponseTemplates: { 'application/json': '{"message":"No such route"}' },
    });
  });

  it('on FixedRestApi: INTEGRATION_TIMEOUT sets a body and no header at all', () => {
    expect(gatewayResponsesOf('FixedRestApi0F650B4E').INTEGRATION_TIMEOUT).toEqual({
      ResponseType: 'INTEGRATION_TIMEOUT',
      ResponseTemplates: { 'application/json': '{"message":"The items are slow today; try again"}' },
    });
  });
});

describe('the slow route', () => {
  it('waits one second on BareRestApi, FixedRestApi and the HTTP API, while the function may run its default three', () => {
    const timeoutMs = INTEGRATION_TIMEOUT.toMilliseconds();
    template.resourcePropertiesCountIs(
      'AWS::ApiGateway::Method',
      { HttpMethod: 'GET', Integration: { TimeoutInMillis: timeoutMs } },
      2,
    );
    template.resourcePropertiesCountIs('AWS::ApiGatewayV2::Integration', { TimeoutInMillis: timeoutMs }, 1);
    expect(resource('SlowFn5557DA41').Properties?.Timeout).toBeUndefined();
  });
});

describe('binary media types and the preflight', () => {
  it('BinaryRestApi reads every request body as binary', () => {
    expect(resource('BinaryRestApi1C34AC9E').Properties?.BinaryMediaTypes).toEqual(['*/*']);
  });

  it("keeps CDK's preflight as generated on /as-generated: a MOCK without ContentHandling", () => {
    const integration = resource('BinaryRestApiasgeneratedOPTIONSDCE26A74').Properties?.Integration;

    expect(integration).toMatchObject({
      Type: 'MOCK',
      RequestTemplates: { 'application/json': '{ statusCode: 200 }' },
    });
    expect(integration).not.toHaveProperty('ContentHandling');
  });

  it("converts the body of /converted's preflight MOCK to text", () => {
    expect(resource('BinaryRestApiconvertedOPTIONS1F78CAA4').Properties?.Integration).toMatchObject({
      Type: 'MOCK',
      ContentHandling: 'CONVERT_TO_TEXT',
      RequestTemplates: { 'application/json': '{ statusCode: 200 }' },
    });
  });

  it('changes nothing else of the preflight', () => {
    const integrationOf = (logicalId: string) =>
      (resource(logicalId).Properties?.Integration ?? {}) as Record<string, unknown>;
    const { ContentHandling: _, ...converted } = integrationOf('BinaryRestApiconvertedOPTIONS1F78CAA4');

    expect(converted).toEqual(integrationOf('BinaryRestApiasgeneratedOPTIONSDCE26A74'));
  });
});

describe('the method request routes, on both REST APIs', () => {
  it.for(['BareRestApi5A595F09', 'FixedRestApi0F650B4E'])('%s: GET /keyed needs an API key', (api) => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      RestApiId: { Ref: api },
      HttpMethod: 'GET',
      ApiKeyRequired: true,
    });
  });

  it('grants the one demo key on both stages, through a usage plan each', () => {
    expect(resource('DemoApiKey59C48302').Properties).toEqual({
      Enabled: true,
      Value: 'cors-workshop-06-demo-key-not-a-secret',
    });
    template.resourceCountIs('AWS::ApiGateway::UsagePlan', 2);
    template.resourcePropertiesCountIs(
      'AWS::ApiGateway::UsagePlanKey',
      { KeyId: { Ref: 'DemoApiKey59C48302' }, KeyType: 'API_KEY' },
      2,
    );
  });

  it('validates the query string of GET /search and the body of POST /items against a model', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      RequestParameters: { 'method.request.querystring.q': true },
      RequestValidatorId: { Ref: 'BareRestApiParametersValidator32DDD811' },
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      RequestValidatorId: { Ref: 'BareRestApiBodyValidator0150C02C' },
    });
    template.hasResourceProperties('AWS::ApiGateway::Model', {
      ContentType: 'application/json',
      Schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    });
  });

  it.for(['BareRestApiDeploymentStageprodB583B4B0', 'FixedRestApiDeploymentStageprod536A7A17'])(
    '%s throttles GET /throttled to zero, and nothing else',
    (stage) => {
      expect(resource(stage).Properties?.MethodSettings).toEqual([
        {
          DataTraceEnabled: false,
          HttpMethod: 'GET',
          ResourcePath: '/~1throttled',
          ThrottlingBurstLimit: 0,
          ThrottlingRateLimit: 0,
        },
      ]);
    },
  );

  it('throttles GET /throttled to zero on the HTTP API too, by route', () => {
    expect(resource('ErrorsHttpApiDefaultStage6EA1BF43').Properties?.RouteSettings).toEqual({
      'GET /throttled': { ThrottlingRateLimit: 0, ThrottlingBurstLimit: 0 },
    });
  });
});

describe('the HTTP API', () => {
  it('lets every origin in, for GET', () => {
    expect(resource('ErrorsHttpApi6FCB4068').Properties?.CorsConfiguration).toEqual({
      AllowMethods: ['GET'],
      AllowOrigins: ['*'],
    });
  });
});

describe('the functions', () => {
  it('log to their own group, kept one day and deleted with the stack', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));

    expect(logGroups).toHaveLength(4);
    for (const logGroup of logGroups) {
      expect(logGroup).toMatchObject({ Properties: { RetentionInDays: 1 }, DeletionPolicy: 'Delete' });
    }
  });
});
