import type { CfnResource } from '../assembly/cfn-template.js';
import {
  apiGatewayExtensions,
  dereference,
  isObject,
  type OpenApiDocument,
  operationsOf,
} from './openapi-document.js';
import type { ImportedDefinition } from './rest-definition.js';
import { withoutUndefined } from './rest-security.js';

/** Top-level extensions of an HTTP API definition the importer reads (or that change no answer). */
const API_EXTENSIONS = new Set([
  'x-amazon-apigateway-cors',
  'x-amazon-apigateway-importexport-version',
  'x-amazon-apigateway-endpoint-configuration',
  'x-amazon-apigateway-tag-value',
]);

/** `x-amazon-apigateway-integration` keys of an HTTP API and the `AWS::ApiGatewayV2::Integration` property of each. */
const INTEGRATION_KEYS: ReadonlyMap<string, string> = new Map([
  ['type', 'IntegrationType'],
  ['uri', 'IntegrationUri'],
  ['httpMethod', 'IntegrationMethod'],
  ['payloadFormatVersion', 'PayloadFormatVersion'],
  ['connectionType', 'ConnectionType'],
  ['connectionId', 'ConnectionId'],
  ['integrationSubtype', 'IntegrationSubtype'],
  ['credentials', 'CredentialsArn'],
  ['requestParameters', 'RequestParameters'],
  ['responseParameters', 'ResponseParameters'],
  ['timeoutInMillis', 'TimeoutInMillis'],
  ['tlsConfig', 'TlsConfig'],
]);

/** `x-amazon-apigateway-cors` keys and the `CorsConfiguration` property of each. */
const CORS_KEYS: ReadonlyMap<string, string> = new Map([
  ['allowOrigins', 'AllowOrigins'],
  ['allowCredentials', 'AllowCredentials'],
  ['exposeHeaders', 'ExposeHeaders'],
  ['maxAge', 'MaxAge'],
  ['allowMethods', 'AllowMethods'],
  ['allowHeaders', 'AllowHeaders'],
]);

/**
 * Translates the OpenAPI definition of an HTTP API (a `Body` or `BodyS3Location` of an
 * `AWS::ApiGatewayV2::Api`) into what API Gateway's import creates, as CloudFormation resources the reader
 * reads like any other: a route and an integration per operation (`$default` for the `$default` path),
 * JWT and Lambda authorizers from `security`, and the API's `CorsConfiguration` from
 * `x-amazon-apigateway-cors`.
 * @returns the translation, or why the definition cannot be imported faithfully
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api.html
 */
export function importHttpDefinition(
  apiLogicalId: string,
  apiProperties: Record<string, unknown>,
  document: OpenApiDocument,
): ImportedDefinition | { readonly refusal: string } {
  const unknown = apiGatewayExtensions(document).filter((key) => !API_EXTENSIONS.has(key));
  if (unknown.length > 0)
    return { refusal: `it uses ${unknown.join(', ')}, which the local gateway does not import` };
  const {
    Body: _body,
    BodyS3Location: _location,
    BasePath: _base,
    FailOnWarnings: _fail,
    ...props
  } = apiProperties;
  props.ProtocolType ??= 'HTTP';
  const cors = document['x-amazon-apigateway-cors'];
  if (isObject(cors)) {
    const configuration: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(cors)) {
      const property = CORS_KEYS.get(key);
      if (!property)
        return {
          refusal: `its x-amazon-apigateway-cors has ${JSON.stringify(key)}, which API Gateway does not define`,
        };
      configuration[property] = value;
    }
    props.CorsConfiguration = configuration;
  }
  const resources: Record<string, CfnResource> = {};
  const api = { Ref: apiLogicalId };
  for (const { path, method, operation } of operationsOf(document)) {
    const routeKey = path === '$default' ? '$default' : `${method} ${path}`;
    const refuse = (why: string) => ({ refusal: `the route ${routeKey} cannot be imported: ${why}` });
    const raw = dereference(document, operation['x-amazon-apigateway-integration']);
    if (!isObject(raw)) return refuse('it has no x-amazon-apigateway-integration');
    const integration: Record<string, unknown> = { ApiId: api };
    for (const [key, value] of Object.entries(raw)) {
      const property = INTEGRATION_KEYS.get(key);
      if (!property)
        return refuse(
          `its x-amazon-apigateway-integration has ${JSON.stringify(key)}, which API Gateway does not define`,
        );
      integration[property] =
        property === 'IntegrationType' && typeof value === 'string' ? value.toUpperCase() : value;
    }
    if (typeof integration.PayloadFormatVersion === 'number') {
      integration.PayloadFormatVersion = integration.PayloadFormatVersion.toFixed(1);
    }
    const integrationId = `${apiLogicalId}[integration ${routeKey}]`;
    resources[integrationId] = { Type: 'AWS::ApiGatewayV2::Integration', Properties: integration };
    const authorization = routeAuthorization(document, apiLogicalId, operation, resources);
    if ('refusal' in authorization) return refuse(authorization.refusal as string);
    resources[`${apiLogicalId}[${routeKey}]`] = {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: withoutUndefined({
        ApiId: api,
        RouteKey: routeKey,
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
        OperationName: operation.operationId,
        ...authorization,
      }),
    };
  }
  return { apiProperties: props, resources };
}

function routeAuthorization(
  document: OpenApiDocument,
  apiLogicalId: string,
  operation: Record<string, unknown>,
  resources: Record<string, CfnResource>,
): Record<string, unknown> | { refusal: string } {
  const requirements = (operation.security ?? document.security ?? []) as unknown[];
  const schemes =
    isObject(document.components) && isObject(document.components.securitySchemes)
      ? document.components.securitySchemes
      : {};
  for (const requirement of Array.isArray(requirements) ? requirements : []) {
    if (!isObject(requirement)) continue;
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = dereference(document, schemes[name]);
      if (!isObject(scheme))
        return { refusal: `its security requirement names the scheme "${name}", which is not defined` };
      if (scheme['x-amazon-apigateway-authtype'] === 'awsSigv4') return { AuthorizationType: 'AWS_IAM' };
      const authorizer = scheme['x-amazon-apigateway-authorizer'];
      if (!isObject(authorizer)) {
        return {
          refusal: `its security scheme "${name}" has no x-amazon-apigateway-authorizer, so API Gateway has nothing to enforce it with`,
        };
      }
      const type = String(authorizer.type ?? '').toUpperCase();
      const id = `${apiLogicalId}[authorizer ${name}]`;
      const jwt = isObject(authorizer.jwtConfiguration) ? authorizer.jwtConfiguration : undefined;
      const identitySource = authorizer.identitySource;
      resources[id] ??= {
        Type: 'AWS::ApiGatewayV2::Authorizer',
        Properties: withoutUndefined({
          ApiId: { Ref: apiLogicalId },
          Name: name,
          AuthorizerType: type === 'JWT' ? 'JWT' : 'REQUEST',
          IdentitySource:
            typeof identitySource === 'string'
              ? identitySource.split(',').map((s) => s.trim())
              : identitySource,
          JwtConfiguration: jwt
            ? withoutUndefined({ Issuer: jwt.issuer, Audience: jwt.audience })
            : undefined,
          AuthorizerUri: authorizer.authorizerUri,
          AuthorizerCredentialsArn: authorizer.authorizerCredentials,
          AuthorizerPayloadFormatVersion: authorizer.authorizerPayloadFormatVersion,
          AuthorizerResultTtlInSeconds: authorizer.authorizerResultTtlInSeconds,
          EnableSimpleResponses: authorizer.enableSimpleResponses,
        }),
      };
      return withoutUndefined({
        AuthorizationType: type === 'JWT' ? 'JWT' : 'CUSTOM',
        AuthorizerId: { Ref: id },
        AuthorizationScopes: Array.isArray(scopes) && scopes.length > 0 ? scopes : undefined,
      });
    }
  }
  return {};
}
