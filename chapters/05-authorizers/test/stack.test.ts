import { fileURLToPath } from 'node:url';
import {
  type CloudFormationResource,
  type CloudFormationTemplate,
  renderExpectedTemplate,
  synthStack,
} from '@cors-workshop/testing';
import { Template } from 'aws-cdk-lib/assertions';
import { Cors } from 'aws-cdk-lib/aws-apigateway';
import { describe, expect, it } from 'vitest';
import {
  AuthorizersStack,
  type AuthorizersStackProps,
  CATALOG_API_KEY,
  SPECIALS_ALLOW_HEADERS,
} from '../lib/authorizers-stack.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

/** Synthesizes the stack without bundling, in a pinned region so that the template is the same everywhere. */
function synthesize(props: AuthorizersStackProps = {}): CloudFormationTemplate {
  const synth = synthStack(
    (app) =>
      new AuthorizersStack(app, 'AuthorizersStack', {
        stackName: 'authorizers-stack',
        env: { region: 'us-east-1' },
        ...props,
      }),
    { projectDir },
  );
  synth.dispose();
  return synth.template;
}

const synthesized = synthesize();
const template = Template.fromJSON(synthesized);

function ofType(type: string, from = synthesized): Array<[string, CloudFormationResource]> {
  return Object.entries(from.Resources ?? {}).filter(([, resource]) => resource.Type === type);
}

/** The methods of a REST API (OrdersRestApi unless told), by HTTP method and path part of their resource. */
function methods(
  apiPrefix = 'OrdersRestApi',
  from = synthesized,
): Array<{ httpMethod: string; pathPart: string; props: Record<string, unknown> }> {
  const pathParts = new Map(
    ofType('AWS::ApiGateway::Resource', from).map(([id, resource]) => [
      id,
      String(resource.Properties?.PathPart),
    ]),
  );
  return ofType('AWS::ApiGateway::Method', from)
    .filter(([id]) => id.startsWith(apiPrefix))
    .map(([, resource]) => {
      const props = resource.Properties ?? {};
      const ref = (props.ResourceId as { Ref?: string }).Ref;
      return { httpMethod: String(props.HttpMethod), pathPart: ref ? pathParts.get(ref)! : '/', props };
    });
}

/** The gateway responses of the REST API whose logical ID starts with `apiPrefix`. */
function gatewayResponsesOf(apiPrefix: string, from = synthesized) {
  return ofType('AWS::ApiGateway::GatewayResponse', from).filter(([, resource]) => {
    const ref = (resource.Properties?.RestApiId as { Ref?: string } | undefined)?.Ref ?? '';
    return ref.startsWith(apiPrefix);
  });
}

describe('AuthorizersStack', () => {
  it('synthesizes the expected template', async () => {
    await expect(renderExpectedTemplate(synthesized)).toMatchFileSnapshot(
      './expected/AuthorizersStack.template.json',
    );
  });
});

describe('OrdersRestApi: authorizers on every method but the preflights', () => {
  it('puts the TOKEN authorizer of defaultMethodOptions on GET /orders', () => {
    const [authorizerId] = ofType('AWS::ApiGateway::Authorizer').find(
      ([, resource]) => resource.Properties?.Type === 'TOKEN',
    )!;
    const get = methods().find((method) => method.httpMethod === 'GET' && method.pathPart === 'orders')!;

    expect(get.props).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
  });

  it('keeps every OPTIONS method CDK generates unauthorized: AuthorizationType NONE, no authorizer, no API key', () => {
    const preflights = methods().filter((method) => method.httpMethod === 'OPTIONS');

    expect(preflights.map((method) => method.pathPart).sort()).toEqual(['/', 'orders', 'profile']);
    for (const { props } of preflights) {
      expect(props.AuthorizationType).toBe('NONE');
      expect(props.ApiKeyRequired).toBe(false);
      expect(props).not.toHaveProperty('AuthorizerId');
    }
  });

  it("reads the token from the Authorization header and caches the authorizer's answer for 300 s", () => {
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'TOKEN',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: 300,
    });
  });

  it('gives GET /profile a Cognito authorizer of the Users pool instead of the default one', () => {
    const [poolId] = ofType('AWS::Cognito::UserPool')[0]!;
    const [cognitoId] = ofType('AWS::ApiGateway::Authorizer').find(
      ([, resource]) => resource.Properties?.Type === 'COGNITO_USER_POOLS',
    )!;
    const profile = methods().find((method) => method.httpMethod === 'GET' && method.pathPart === 'profile')!;

    expect(profile.props).toMatchObject({
      AuthorizationType: 'COGNITO_USER_POOLS',
      AuthorizerId: { Ref: cognitoId },
    });
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      ProviderARNs: [{ 'Fn::GetAtt': [poolId, 'Arn'] }],
    });
  });

  it('lets the preflight allow the Authorization header, which every call to these methods sends', () => {
    const preflight = methods().find(
      (method) => method.httpMethod === 'OPTIONS' && method.pathPart === 'orders',
    )!;
    const [response] = (preflight.props.Integration as { IntegrationResponses: Array<Record<string, any>> })
      .IntegrationResponses;

    expect(response!.ResponseParameters['method.response.header.Access-Control-Allow-Headers']).toContain(
      'Authorization',
    );
  });

  it('adds the CORS header to every 4XX API Gateway answers itself, through a DEFAULT_4XX gateway response', () => {
    const responses = gatewayResponsesOf('OrdersRestApi');

    expect(responses).toHaveLength(1);
    expect(responses[0]![1].Properties).toMatchObject({
      ResponseType: 'DEFAULT_4XX',
      ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
    });
  });

  it('has no gateway response with corsOnAuthorizerErrors: false', () => {
    expect(gatewayResponsesOf('OrdersRestApi', synthesize({ corsOnAuthorizerErrors: false }))).toEqual([]);
  });
});

describe('CatalogRestApi: API keys, and the preflight that must allow X-Api-Key', () => {
  it('needs an API key on GET /catalog and GET /specials, but not on their preflights', () => {
    const keyRequired = methods('CatalogRestApi').map(
      (method) => `${method.httpMethod} ${method.pathPart} ${method.props.ApiKeyRequired}`,
    );

    expect(keyRequired.sort()).toEqual([
      'GET catalog true',
      'GET specials true',
      'OPTIONS / false',
      'OPTIONS catalog false',
      'OPTIONS specials false',
    ]);
  });

  it("gives CatalogKey an explicit value, and grants it on CatalogRestApi's prod stage through CatalogPlan", () => {
    const [[keyId, key]] = ofType('AWS::ApiGateway::ApiKey') as [[string, CloudFormationResource]];
    const [[planId, plan]] = ofType('AWS::ApiGateway::UsagePlan') as [[string, CloudFormationResource]];
    const [apiId] = ofType('AWS::ApiGateway::RestApi').find(([id]) => id.startsWith('CatalogRestApi'))!;

    expect(key.Properties).toMatchObject({ Enabled: true, Value: CATALOG_API_KEY });
    expect(plan.Properties?.ApiStages).toEqual([
      {
        ApiId: { Ref: apiId },
        Stage: { Ref: expect.stringMatching(/^CatalogRestApiDeploymentStageprod/) },
        Throttle: {},
      },
    ]);
    template.hasResourceProperties('AWS::ApiGateway::UsagePlanKey', {
      KeyId: { Ref: keyId },
      KeyType: 'API_KEY',
      UsagePlanId: { Ref: planId },
    });
  });

  it("lets /catalog's preflight allow CDK's default headers, X-Api-Key among them, and /specials' only its own list", () => {
    const allowedHeaders = Object.fromEntries(
      methods('CatalogRestApi')
        .filter((method) => method.httpMethod === 'OPTIONS' && method.pathPart !== '/')
        .map((method) => {
          const [response] = (
            method.props.Integration as { IntegrationResponses: Array<Record<string, any>> }
          ).IntegrationResponses;
          return [
            method.pathPart,
            response!.ResponseParameters['method.response.header.Access-Control-Allow-Headers'],
          ];
        }),
    );

    expect(allowedHeaders).toEqual({
      catalog: `'${Cors.DEFAULT_HEADERS.join(',')}'`,
      specials: `'${SPECIALS_ALLOW_HEADERS.join(',')}'`,
    });
    expect(Cors.DEFAULT_HEADERS).toContain('X-Api-Key');
    expect(SPECIALS_ALLOW_HEADERS).not.toContain('X-Api-Key');
  });

  it('puts the CORS header on its own 4XX answers with DEFAULT_4XX, unless corsOnApiKeyErrors is false', () => {
    expect(gatewayResponsesOf('CatalogRestApi').map(([, response]) => response.Properties)).toEqual([
      {
        RestApiId: { Ref: expect.stringMatching(/^CatalogRestApi/) },
        ResponseType: 'DEFAULT_4XX',
        ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      },
    ]);
    expect(gatewayResponsesOf('CatalogRestApi', synthesize({ corsOnApiKeyErrors: false }))).toEqual([]);
  });
});

describe('ProfileHttpApi: a JWT authorizer on $default, and the route that lets preflights through', () => {
  function routes(from = synthesized): Array<Record<string, any>> {
    return ofType('AWS::ApiGatewayV2::Route', from).map(([, resource]) => resource.Properties ?? {});
  }

  it("puts the JWT authorizer of the Users pool on the $default route, for the pool's web client", () => {
    const [poolId] = ofType('AWS::Cognito::UserPool')[0]!;
    const [clientId] = ofType('AWS::Cognito::UserPoolClient')[0]!;
    const [authorizerId] = ofType('AWS::ApiGatewayV2::Authorizer')[0]!;

    expect(routes().find((route) => route.RouteKey === '$default')).toMatchObject({
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.us-east-1.amazonaws.com/', { Ref: poolId }]],
        },
      },
    });
  });

  it('adds OPTIONS /{proxy+} with AuthorizationType NONE: HttpNoneAuthorizer overrides the default authorizer', () => {
    expect(routes().find((route) => route.RouteKey === 'OPTIONS /{proxy+}')).toMatchObject({
      AuthorizationType: 'NONE',
    });
    expect(routes().find((route) => route.RouteKey === 'OPTIONS /{proxy+}')).not.toHaveProperty(
      'AuthorizerId',
    );
  });

  it('allows the authorization request header in its CORS configuration', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['*'], AllowMethods: ['GET'], AllowHeaders: ['authorization'] },
    });
  });

  it('has only the $default route with openPreflightRoute: false', () => {
    expect(routes(synthesize({ openPreflightRoute: false })).map((route) => route.RouteKey)).toEqual([
      '$default',
    ]);
  });
});
