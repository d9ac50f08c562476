import type { CfnResource } from '../assembly/cfn-template.js';
import { dereference, isObject, type OpenApiDocument } from './openapi-document.js';

/** How a method is authorized, as `AWS::ApiGateway::Method` properties. */
export interface MethodAuthorization {
  readonly AuthorizationType: string;
  readonly AuthorizerId?: unknown;
  readonly AuthorizationScopes?: string[];
  readonly ApiKeyRequired?: boolean;
}

/**
 * Translates the `security` requirements of a REST API operation (its own, else the document's) into the
 * method's authorization, as API Gateway imports them: a scheme with `x-amazon-apigateway-authorizer`
 * becomes an `AWS::ApiGateway::Authorizer` (added to `resources`) and `CUSTOM` or `COGNITO_USER_POOLS`
 * authorization; a scheme with `x-amazon-apigateway-authtype: awsSigv4` `AWS_IAM`; an `apiKey` scheme
 * without either an API key requirement.
 * @returns the authorization, or why a scheme cannot be imported
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html
 */
export function methodAuthorization(
  document: OpenApiDocument,
  apiLogicalId: string,
  operation: Record<string, unknown>,
  resources: Record<string, CfnResource>,
): MethodAuthorization | { readonly refusal: string } {
  const requirements = (operation.security ?? document.security ?? []) as unknown[];
  const schemes =
    (isObject(document.components) ? document.components.securitySchemes : undefined) ??
    document.securityDefinitions ??
    {};
  let authorization: MethodAuthorization = { AuthorizationType: 'NONE' };
  for (const requirement of Array.isArray(requirements) ? requirements : []) {
    if (!isObject(requirement)) continue;
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = dereference(document, (schemes as Record<string, unknown>)[name]);
      if (!isObject(scheme))
        return { refusal: `its security requirement names the scheme "${name}", which is not defined` };
      const authorizer = scheme['x-amazon-apigateway-authorizer'];
      if (isObject(authorizer)) {
        const type = String(authorizer.type ?? 'token').toUpperCase();
        const id = `${apiLogicalId}[authorizer ${name}]`;
        resources[id] ??= {
          Type: 'AWS::ApiGateway::Authorizer',
          Properties: withoutUndefined({
            RestApiId: { Ref: apiLogicalId },
            Name: name,
            Type: type,
            AuthorizerUri: authorizer.authorizerUri,
            AuthorizerCredentials: authorizer.authorizerCredentials,
            IdentitySource:
              authorizer.identitySource ??
              (type === 'TOKEN' || type === 'COGNITO_USER_POOLS'
                ? `method.request.header.${String(scheme.name ?? 'Authorization')}`
                : undefined),
            IdentityValidationExpression: authorizer.identityValidationExpression,
            AuthorizerResultTtlInSeconds: authorizer.authorizerResultTtlInSeconds,
            ProviderARNs: authorizer.providerARNs,
          }),
        };
        const cognito = type === 'COGNITO_USER_POOLS';
        authorization = {
          ...authorization,
          AuthorizationType: cognito ? 'COGNITO_USER_POOLS' : 'CUSTOM',
          AuthorizerId: { Ref: id },
          ...(cognito && Array.isArray(scopes) && scopes.length > 0
            ? { AuthorizationScopes: scopes.map(String) }
            : {}),
        };
      } else if (scheme['x-amazon-apigateway-authtype'] === 'awsSigv4') {
        authorization = { ...authorization, AuthorizationType: 'AWS_IAM' };
      } else if (scheme.type === 'apiKey') {
        authorization = { ...authorization, ApiKeyRequired: true };
      } else {
        return {
          refusal: `its security scheme "${name}" (type ${JSON.stringify(scheme.type)}) has no x-amazon-apigateway-authorizer, so API Gateway has nothing to enforce it with`,
        };
      }
    }
  }
  return authorization;
}

/** `value` without its `undefined` properties. */
export function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
