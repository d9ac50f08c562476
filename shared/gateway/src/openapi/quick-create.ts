import type { CfnResource } from '../assembly/cfn-template.js';
import type { ImportedDefinition } from './rest-definition.js';
import { withoutUndefined } from './rest-security.js';

/** A function ARN, possibly qualified; anything else is a URL for an HTTP proxy. */
const LAMBDA_TARGET = /^arn:[^:]+:(lambda|apigateway):/;

/**
 * Translates an HTTP API made by "quick create" (`Target`, with an optional `RouteKey`) into what API
 * Gateway creates for it: one integration (`AWS_PROXY` payload 2.0 for a Lambda function, `HTTP_PROXY`
 * for a URL), one route (`$default` unless `RouteKey` names another), and a `$default` stage with
 * automatic deployment.
 * @param target - the resolved `Target`
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-basic-concept.html#http-api-quick-create
 */
export function importQuickCreate(
  apiLogicalId: string,
  apiProperties: Record<string, unknown>,
  target: string,
): ImportedDefinition {
  const { Target: rawTarget, RouteKey, CredentialsArn, ...props } = apiProperties;
  const api = { Ref: apiLogicalId };
  const lambda = LAMBDA_TARGET.test(target);
  const integrationId = `${apiLogicalId}[quick create integration]`;
  const resources: Record<string, CfnResource> = {
    [integrationId]: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: withoutUndefined({
        ApiId: api,
        IntegrationType: lambda ? 'AWS_PROXY' : 'HTTP_PROXY',
        IntegrationUri: rawTarget,
        IntegrationMethod: lambda ? undefined : 'ANY',
        PayloadFormatVersion: lambda ? '2.0' : '1.0',
        CredentialsArn,
      }),
    },
    [`${apiLogicalId}[quick create route]`]: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: api,
        RouteKey: RouteKey ?? '$default',
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
      },
    },
    [`${apiLogicalId}[quick create stage]`]: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: api, StageName: '$default', AutoDeploy: true },
    },
  };
  return { apiProperties: props, resources };
}
