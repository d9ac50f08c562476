import { fileURLToPath } from 'node:url';
import { type CloudFormationResource, renderExpectedTemplate, synthStack } from '@cors-workshop/testing';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Cors, MockIntegration, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { describe, expect, it } from 'vitest';
import { convertPreflightToText, ErrorsCorsStack, INTEGRATION_TIMEOUT } from '../lib/errors-cors-stack.js';

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

  it("converts the body of its preflight's MOCK to text", () => {
    expect(resource('BinaryRestApiitemsOPTIONS0C954115').Properties?.Integration).toMatchObject({
      Type: 'MOCK',
      ContentHandling: 'CONVERT_TO_TEXT',
      RequestTemplates: { 'application/json': '{ statusCode: 200 }' },
    });
  });

  it("is a fix CDK's own preflight does not make: it sets no ContentHandling", () => {
    const preflightOf = (convert: boolean) => {
      const stack = new Stack(new App(), 'Preflight');
      const api = new RestApi(stack, 'Api', { binaryMediaTypes: ['*/*'] });
      const items = api.root.addResource('items', {
        defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS },
      });
      items.addMethod('GET', new MockIntegration());
      if (convert) convertPreflightToText(items);
      return JSON.stringify(Template.fromStack(stack).toJSON());
    };
    const before = preflightOf(false);
    const after = preflightOf(true);

    expect(before).not.toContain('ContentHandling');
    expect(after).toContain('"ContentHandling":"CONVERT_TO_TEXT"');
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
