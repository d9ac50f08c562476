import { fileURLToPath } from 'node:url';
import {
  type CloudFormationResource,
  type CloudFormationTemplate,
  renderExpectedTemplate,
  synthStack,
} from '@cors-workshop/testing';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { AuthorizersStack, type AuthorizersStackProps } from '../lib/authorizers-stack.js';

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

/** The methods of the REST API, by HTTP method and path part of their resource. */
function methods(): Array<{ httpMethod: string; pathPart: string; props: Record<string, unknown> }> {
  const pathParts = new Map(
    ofType('AWS::ApiGateway::Resource').map(([id, resource]) => [id, String(resource.Properties?.PathPart)]),
  );
  return ofType('AWS::ApiGateway::Method').map(([, resource]) => {
    const props = resource.Properties ?? {};
    const ref = (props.ResourceId as { Ref?: string }).Ref;
    return { httpMethod: String(props.HttpMethod), pathPart: ref ? pathParts.get(ref)! : '/', props };
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
    template.resourceCountIs('AWS::ApiGateway::GatewayResponse', 1);
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'DEFAULT_4XX',
      ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
    });
  });

  it('has no gateway response at all with corsOnAuthorizerErrors: false', () => {
    expect(ofType('AWS::ApiGateway::GatewayResponse', synthesize({ corsOnAuthorizerErrors: false }))).toEqual(
      [],
    );
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
