import { fileURLToPath } from 'node:url';
import {
  type CloudFormationResource,
  type CloudFormationTemplate,
  renderExpectedTemplate,
  sharedTemplate,
  synthStack,
} from '@cors-workshop/testing';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  BAD_REQUEST_PATTERN,
  CustomCorsRestapiStack,
  type CustomCorsRestapiStackProps,
  DEFAULT_ALLOWED_ORIGINS,
} from '../lib/custom-cors-restapi-stack.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Synthesizes the chapter's stack (without bundling). The article's stack was deployed to us-east-1, which
 * is why its Uri names that region; pinning the region here makes our Uri the same, character for character.
 */
function synthesize(props: CustomCorsRestapiStackProps = {}): CloudFormationTemplate {
  const synth = synthStack(
    (app) =>
      new CustomCorsRestapiStack(app, 'CustomCorsRestapiStack', {
        stackName: 'custom-cors-restapi-stack',
        env: { region: 'us-east-1' },
        ...props,
      }),
    { projectDir },
  );
  synth.dispose();
  return synth.template;
}

// The template of the synth every test file of the chapter shares (test/global-setup.ts, the `assembly` of
// checks.ts, with the same pinned region); the variants above synthesize their own.
const synthesized = sharedTemplate();
const template = Template.fromJSON(synthesized);

function resourceOf(from: CloudFormationTemplate, logicalId: string): CloudFormationResource {
  const found = from.Resources?.[logicalId];
  if (found === undefined) {
    const known = Object.keys(from.Resources ?? {}).join(', ');
    throw new Error(`No resource "${logicalId}"; the template has: ${known}`);
  }
  return found;
}

const resource = (logicalId: string) => resourceOf(synthesized, logicalId);

function integrationOf(logicalId: string, from = synthesized): Record<string, unknown> {
  return resourceOf(from, logicalId).Properties?.Integration as Record<string, unknown>;
}

/** The `application/json` template of an integration response. */
function jsonTemplateOf(response: Record<string, unknown> | undefined): string | undefined {
  return (response?.ResponseTemplates as Record<string, string> | undefined)?.['application/json'];
}

/** The only method of `from` with this HTTP method on this resource path part (`fails`, `greeting`). */
function methodOn(
  pathPart: string,
  httpMethod: string,
  from = synthesized,
): [string, CloudFormationResource] {
  const resources = Object.entries(from.Resources ?? {});
  const [resourceId] =
    resources.find(
      ([, r]) => r.Type === 'AWS::ApiGateway::Resource' && r.Properties?.PathPart === pathPart,
    ) ?? [];
  const methods = resources.filter(
    ([, r]) =>
      r.Type === 'AWS::ApiGateway::Method' &&
      r.Properties?.HttpMethod === httpMethod &&
      (r.Properties?.ResourceId as { Ref?: string } | undefined)?.Ref === resourceId,
  );
  if (resourceId === undefined || methods.length !== 1) {
    throw new Error(`Expected one ${httpMethod} method on /${pathPart}, found ${methods.length}`);
  }
  return methods[0]!;
}

/** The `GET /` method exactly as the article prints it (its YAML, read as JSON). */
const ARTICLE_GET_METHOD = {
  HttpMethod: 'GET',
  ResourceId: { 'Fn::GetAtt': ['CustomCorsRestApi3D2B9919', 'RootResourceId'] },
  RestApiId: { Ref: 'CustomCorsRestApi3D2B9919' },
  AuthorizationType: 'NONE',
  Integration: {
    IntegrationHttpMethod: 'POST',
    IntegrationResponses: [
      {
        ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
        ResponseTemplates: {
          'application/json': '{"message":{"output":"$util.parseJson($input.body)"},"state":"ok"}',
        },
        StatusCode: '200',
      },
    ],
    PassthroughBehavior: 'NEVER',
    RequestTemplates: { 'application/json': '{"input":"this is the input"}' },
    Type: 'AWS',
    Uri: {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':apigateway:us-east-1:lambda:path/2015-03-31/functions/',
          { 'Fn::GetAtt': ['CustomFnFE03B841', 'Arn'] },
          '/invocations',
        ],
      ],
    },
  },
  MethodResponses: [
    {
      ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
      StatusCode: '200',
    },
  ],
};

describe('CustomCorsRestapiStack', () => {
  it('synthesizes the expected template', async () => {
    await expect(renderExpectedTemplate(synthesized)).toMatchFileSnapshot(
      './expected/CustomCorsRestapiStack.template.json',
    );
  });

  it("keeps the article's logical IDs, the added routes notwithstanding", () => {
    expect({
      CustomCorsRestApi3D2B9919: resource('CustomCorsRestApi3D2B9919').Type,
      CustomCorsRestApiget57AF1EA7: resource('CustomCorsRestApiget57AF1EA7').Type,
      CustomFnFE03B841: resource('CustomFnFE03B841').Type,
    }).toEqual({
      CustomCorsRestApi3D2B9919: 'AWS::ApiGateway::RestApi',
      CustomCorsRestApiget57AF1EA7: 'AWS::ApiGateway::Method',
      CustomFnFE03B841: 'AWS::Lambda::Function',
    });
  });
});

describe('GET /: the three things a custom integration needs for CORS', () => {
  it("is the article's method, property for property", () => {
    expect(resource('CustomCorsRestApiget57AF1EA7').Properties).toEqual(ARTICLE_GET_METHOD);
  });

  it('1. has a preflight: a MOCK OPTIONS method answering 204 with the three CORS headers', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      ResourceId: { 'Fn::GetAtt': ['CustomCorsRestApi3D2B9919', 'RootResourceId'] },
      Integration: {
        Type: 'MOCK',
        IntegrationResponses: [
          {
            StatusCode: '204',
            ResponseParameters: {
              'method.response.header.Access-Control-Allow-Headers':
                "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'",
              'method.response.header.Access-Control-Allow-Origin': "'*'",
              'method.response.header.Access-Control-Allow-Methods':
                "'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'",
            },
          },
        ],
      },
    });
  });

  it('2. maps the header on the integration response, as a quoted static value: "\'*\'"', () => {
    const [response] = integrationOf('CustomCorsRestApiget57AF1EA7').IntegrationResponses as Array<
      Record<string, unknown>
    >;

    expect(response?.ResponseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'*'",
    });
  });

  it('3. declares the header on the method response of the same status', () => {
    expect(resource('CustomCorsRestApiget57AF1EA7').Properties?.MethodResponses).toEqual([
      {
        StatusCode: '200',
        ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
      },
    ]);
  });

  it("nests the output in the response template, as the article's template does", () => {
    const [response] = integrationOf('CustomCorsRestApiget57AF1EA7').IntegrationResponses as Array<
      Record<string, Record<string, string>>
    >;
    const flat = JSON.stringify({ message: '$util.parseJson($input.body)', state: 'ok' });

    expect(response?.ResponseTemplates?.['application/json']).toBe(
      '{"message":{"output":"$util.parseJson($input.body)"},"state":"ok"}',
    );
    expect(response?.ResponseTemplates?.['application/json']).not.toBe(flat);
  });

  it('refuses, through PassthroughBehavior NEVER, any request body it has no template for', () => {
    expect(integrationOf('CustomCorsRestApiget57AF1EA7').PassthroughBehavior).toBe('NEVER');
    expect(Object.keys(integrationOf('CustomCorsRestApiget57AF1EA7').RequestTemplates as object)).toEqual([
      'application/json',
    ]);
  });

  it('lets API Gateway invoke CustomFn', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': ['CustomFnFE03B841', 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
    });
  });
});

describe('declareMethodResponseHeader: false, the mistake AWS refuses to deploy', () => {
  const broken = synthesize({ declareMethodResponseHeader: false });

  it('keeps the mapping on the integration response but drops the declaration', () => {
    const [response] = integrationOf('CustomCorsRestApiget57AF1EA7', broken).IntegrationResponses as Array<
      Record<string, unknown>
    >;

    expect(response?.ResponseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'*'",
    });
    expect(resourceOf(broken, 'CustomCorsRestApiget57AF1EA7').Properties?.MethodResponses).toEqual([
      { StatusCode: '200' },
    ]);
  });
});

describe('GET /fails: a function error mapped to a 400', () => {
  const [failsId, fails] = methodOn('fails', 'GET');
  const [badRequest, ...others] = integrationOf(failsId).IntegrationResponses as Array<
    Record<string, unknown>
  >;

  it('selects the 400 with the Java pattern \\[BadRequest\\].*, its backslashes intact', () => {
    expect(others).toEqual([]);
    expect(badRequest?.StatusCode).toBe('400');
    expect(badRequest?.SelectionPattern).toBe(BAD_REQUEST_PATTERN);
    expect(BAD_REQUEST_PATTERN).toBe(String.raw`\[BadRequest\].*`);
  });

  it('writes the error message as the body', () => {
    expect(badRequest?.ResponseTemplates).toEqual({
      'application/json': `{"message":$input.json('$.errorMessage')}`,
    });
  });

  it('maps and declares Access-Control-Allow-Origin on the 400 too', () => {
    expect(badRequest?.ResponseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'*'",
    });
    expect(fails.Properties?.MethodResponses).toEqual([
      {
        StatusCode: '400',
        ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
      },
    ]);
  });

  it('maps and declares nothing with corsOnMappedErrors: false', () => {
    const without = synthesize({ corsOnMappedErrors: false });
    const [withoutId, withoutMethod] = methodOn('fails', 'GET', without);
    const [response] = integrationOf(withoutId, without).IntegrationResponses as Array<
      Record<string, unknown>
    >;

    expect(response?.ResponseParameters).toBeUndefined();
    expect(withoutMethod.Properties?.MethodResponses).toEqual([{ StatusCode: '400' }]);
  });
});

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

describe('GET /greeting: several origins, echoed by the response template', () => {
  const [greetingId, greeting] = methodOn('greeting', 'GET');
  const [response] = integrationOf(greetingId).IntegrationResponses as Array<Record<string, unknown>>;
  const responseTemplate = jsonTemplateOf(response);
  const [greetingPreflightId] = methodOn('greeting', 'OPTIONS');
  const [preflight] = integrationOf(greetingPreflightId).IntegrationResponses as Array<
    Record<string, unknown>
  >;

  it('has a preflight of its own that maps the first origin and echoes the others', () => {
    expect(preflight?.ResponseParameters).toMatchObject({
      'method.response.header.Access-Control-Allow-Origin': `'${DEFAULT_ALLOWED_ORIGINS[0]}'`,
      'method.response.header.Vary': "'Origin'",
    });
    expect(jsonTemplateOf(preflight)).toContain(`#if($origin == "${DEFAULT_ALLOWED_ORIGINS[1]}")`);
  });

  it('maps Vary: Origin statically and sets Access-Control-Allow-Origin only through an override', () => {
    expect(response?.ResponseParameters).toEqual({ 'method.response.header.Vary': "'Origin'" });
    expect(responseTemplate).toContain(
      '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    );
  });

  it('tests every allowed origin, the first one included', () => {
    expect(responseTemplate).toContain(
      `#if($origin == "${DEFAULT_ALLOWED_ORIGINS[0]}" || $origin == "${DEFAULT_ALLOWED_ORIGINS[1]}")`,
    );
  });

  it('declares both headers on its method response', () => {
    expect(greeting.Properties?.MethodResponses).toEqual([
      {
        StatusCode: '200',
        ResponseParameters: {
          'method.response.header.Access-Control-Allow-Origin': true,
          'method.response.header.Vary': true,
        },
      },
    ]);
  });
});

describe('the functions', () => {
  it('run on Node.js 22 with the bundled index.handler', () => {
    for (const logicalId of ['CustomFnFE03B841', 'BadRequestFn252A6388']) {
      expect(resource(logicalId).Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
      });
    }
  });

  it('log to their own group, kept one day and deleted with the stack; CDK adds no other group', () => {
    const logGroups = template.findResources('AWS::Logs::LogGroup');

    expect(Object.keys(logGroups).sort()).toEqual(['BadRequestFnLogs4F606608', 'CustomFnLogsCC9747E5']);
    for (const logGroup of Object.values(logGroups)) {
      expect(logGroup).toMatchObject({ Properties: { RetentionInDays: 1 }, DeletionPolicy: 'Delete' });
    }
  });

  it('publishes the invoke URL as an output, for scripts/verify.sh after a deploy', () => {
    const outputKeys = Object.keys(synthesized.Outputs ?? {});

    expect(outputKeys.filter((key) => key.startsWith('CustomCorsRestApiEndpoint'))).toHaveLength(1);
  });
});
