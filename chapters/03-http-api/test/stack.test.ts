import { fileURLToPath } from 'node:url';
import {
  type CloudFormationResource,
  renderExpectedTemplate,
  sharedTemplate,
  synthStack,
} from '@cors-workshop/testing';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LISTED_ORIGINS,
  LISTED_ALLOW_HEADERS,
  LISTED_EXPOSE_HEADERS,
  ProxyCorsHttpapiStack,
} from '../lib/proxy-cors-httpapi-stack.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

// The template of the synth every test file of the chapter shares (test/global-setup.ts, the `assembly` of
// checks.ts). Its region is pinned so that the template is the same on every machine (the Lambda
// permissions name it).
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

function resourcesOfType(type: string): Array<[string, CloudFormationResource]> {
  return Object.entries(resources).filter(([, candidate]) => candidate.Type === type);
}

/** The routes of one API, by route key, with the function their integration invokes. */
function routesOf(apiLogicalId: string): Record<string, unknown> {
  const integrations = new Map(resourcesOfType('AWS::ApiGatewayV2::Integration'));
  const routes: Record<string, unknown> = {};
  for (const [, route] of resourcesOfType('AWS::ApiGatewayV2::Route')) {
    const props = route.Properties ?? {};
    if ((props.ApiId as { Ref?: string }).Ref !== apiLogicalId) continue;
    const [, parts] = (props.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'];
    const integration = integrations.get(parts[1].Ref)?.Properties ?? {};
    routes[props.RouteKey as string] = {
      IntegrationType: integration.IntegrationType,
      PayloadFormatVersion: integration.PayloadFormatVersion,
      IntegrationUri: integration.IntegrationUri,
    };
  }
  return routes;
}

describe('ProxyCorsHttpapiStack', () => {
  it('synthesizes the expected template', async () => {
    await expect(renderExpectedTemplate(synth.template)).toMatchFileSnapshot(
      './expected/ProxyCorsHttpapiStack.template.json',
    );
  });

  it("keeps the article's logical ID and its CorsConfiguration, to the letter", () => {
    expect(resource('ProxyCorsHttpApiC5DA21B9')).toEqual({
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: {
        CorsConfiguration: { AllowMethods: ['*'], AllowOrigins: ['*'] },
        Name: 'ProxyCorsHttpApi',
        ProtocolType: 'HTTP',
      },
    });
  });

  it('has no OPTIONS route and no REST API method: preflights are left to API Gateway', () => {
    const routeKeys = resourcesOfType('AWS::ApiGatewayV2::Route').map(
      ([, route]) => route.Properties?.RouteKey,
    );

    expect(routeKeys.sort()).toEqual(['GET /', 'GET /own-cors', 'GET /profile', 'POST /profile']);
    template.resourceCountIs('AWS::ApiGateway::Method', 0);
  });

  it('says nothing about CORS anywhere but on the APIs themselves', () => {
    const elsewhere = Object.entries(resources).filter(
      ([, candidate]) => candidate.Type !== 'AWS::ApiGatewayV2::Api',
    );

    expect(JSON.stringify(elsewhere)).not.toMatch(/Access-Control|CorsConfiguration/i);
  });
});

describe('the API of the article: ProxyCorsHttpApi', () => {
  it('sends GET / to HttpProxyFn and GET /own-cors to OwnCorsFn, both Lambda proxies with payload 2.0', () => {
    expect(routesOf('ProxyCorsHttpApiC5DA21B9')).toEqual({
      'GET /': {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': ['HttpProxyFnAB289AC2', 'Arn'] },
      },
      'GET /own-cors': {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': ['OwnCorsFn065DD3CD', 'Arn'] },
      },
    });
  });

  it('is deployed to the $default stage automatically, so it is served at the root of its URL', () => {
    expect(resource('ProxyCorsHttpApiDefaultStage26C2F23E').Properties).toEqual({
      ApiId: { Ref: 'ProxyCorsHttpApiC5DA21B9' },
      AutoDeploy: true,
      StageName: '$default',
    });
  });

  it("publishes the article's HttpApiEndpoint output", () => {
    expect(synth.template.Outputs?.HttpApiEndpoint).toEqual({
      Value: { 'Fn::GetAtt': ['ProxyCorsHttpApiC5DA21B9', 'ApiEndpoint'] },
    });
  });

  it('lets API Gateway invoke each function', () => {
    for (const functionId of ['HttpProxyFnAB289AC2', 'OwnCorsFn065DD3CD', 'ProfileFn28F379CF']) {
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
        Principal: 'apigateway.amazonaws.com',
      });
    }
  });
});

describe('the API with listed origins: ListedOriginsHttpApi', () => {
  it('lists the origins, methods, headers, exposed headers, max age in seconds, and credentials', () => {
    expect(resource('ListedOriginsHttpApiFFA6A97F').Properties?.CorsConfiguration).toEqual({
      AllowCredentials: true,
      AllowHeaders: [...LISTED_ALLOW_HEADERS],
      AllowMethods: ['GET', 'POST'],
      AllowOrigins: [...DEFAULT_LISTED_ORIGINS],
      ExposeHeaders: [...LISTED_EXPOSE_HEADERS],
      MaxAge: 600,
    });
  });

  it('sends GET and POST /profile to ProfileFn through one integration', () => {
    const routes = routesOf('ListedOriginsHttpApiFFA6A97F');

    expect(Object.keys(routes).sort()).toEqual(['GET /profile', 'POST /profile']);
    expect(routes['GET /profile']).toEqual(routes['POST /profile']);
    expect(routes['GET /profile']).toMatchObject({
      IntegrationUri: { 'Fn::GetAtt': ['ProfileFn28F379CF', 'Arn'] },
    });
  });

  it('takes other origins from the listedOrigins property', () => {
    const other = synthStack(
      (app) =>
        new ProxyCorsHttpapiStack(app, 'ProxyCorsHttpapiStack', {
          env: { region: 'us-east-1' },
          listedOrigins: ['http://localhost:8080'],
        }),
      { projectDir },
    );
    other.dispose();

    expect(
      other.template.Resources?.ListedOriginsHttpApiFFA6A97F?.Properties?.CorsConfiguration,
    ).toMatchObject({
      AllowOrigins: ['http://localhost:8080'],
    });
  });

  it('cannot allow credentials for every origin: CDK refuses it before AWS would', () => {
    const stack = new ProxyCorsHttpapiStack(new App(), 'Refused', { env: { region: 'us-east-1' } });

    expect(
      () =>
        new HttpApi(stack, 'Everyone', { corsPreflight: { allowOrigins: ['*'], allowCredentials: true } }),
    ).toThrow("CORS preflight - allowCredentials is not supported when allowOrigin is '*'");
  });
});

describe('the functions', () => {
  it('run on Node.js 22 with the bundled index.handler', () => {
    for (const logicalId of ['HttpProxyFnAB289AC2', 'OwnCorsFn065DD3CD', 'ProfileFn28F379CF']) {
      expect(resource(logicalId).Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
      });
    }
  });

  it('log to their own group, kept one day and deleted with the stack; CDK adds no other group', () => {
    const logGroups = template.findResources('AWS::Logs::LogGroup');

    expect(Object.keys(logGroups).sort()).toEqual([
      'HttpProxyFnLogsB3C29109',
      'OwnCorsFnLogs519735A3',
      'ProfileFnLogsA35F8EB0',
    ]);
    for (const logGroup of Object.values(logGroups)) {
      expect(logGroup).toMatchObject({ Properties: { RetentionInDays: 1 }, DeletionPolicy: 'Delete' });
    }
  });
});
