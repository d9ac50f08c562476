/**
 * Reading an `AWS::ApiGatewayV2::Integration` of an HTTP API at load: Lambda proxy, first-class AWS service
 * and `HTTP_PROXY` integrations, refused where AWS refuses them or the gateway cannot serve them.
 * @module
 */
import type { CfnResource } from '../assembly/cfn-template.js';
import type { FunctionsByArn } from '../assembly/function-catalog.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import { GatewayConfigError } from '../errors.js';
import type { HttpIntegration, PayloadFormatVersion } from './http-api-model.js';
import { readHttpProxyIntegration } from './read-http-proxy-integration.js';
import { readHttpServiceIntegration } from './read-http-service-integration.js';

/** `arn:<partition>:apigateway:<region>:lambda:path/<version>/functions/<function ARN>/invocations`. */
const LAMBDA_PATH_URI = /^arn:[^:]+:apigateway:[^:]+:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/;
/** A function ARN, possibly with a version or alias qualifier. */
const FUNCTION_ARN = /^(arn:[^:]+:lambda:[^:]+:[^:]+:function:[^:/]+)(?::[^:/]+)?$/;
/** What reading an integration needs from the API around it. */
export interface HttpIntegrationReading {
  readonly resolver: IntrinsicResolver;
  /** The CloudFormation template's file, for errors. */
  readonly templateFile: string;
  readonly functionsByArn: FunctionsByArn;
}

/**
 * Reads one integration of an HTTP API.
 * @param reading - the API's resolver, template file and functions
 * @param logicalId - the integration's logical ID, which load errors name
 * @param r - the integration resource
 * @throws GatewayConfigError for an integration AWS refuses or the gateway cannot serve
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-integration.html
 */
export function readHttpIntegration(
  reading: HttpIntegrationReading,
  logicalId: string,
  r: CfnResource,
): HttpIntegration {
  const fail: (message: string) => never = (message) => {
    throw new GatewayConfigError(message, { file: reading.templateFile, resource: logicalId });
  };
  const props = reading.resolver.resolve(r.Properties ?? {}) as Record<string, unknown>;
  const type = props.IntegrationType;
  if (type !== 'AWS_PROXY' && type !== 'HTTP_PROXY') {
    fail(
      `IntegrationType ${JSON.stringify(type)} is not supported by the local gateway; only AWS_PROXY integrations (Lambda, or an IntegrationSubtype) and HTTP_PROXY integrations are`,
    );
  }
  const timeoutMs = props.TimeoutInMillis === undefined ? 30_000 : Number(props.TimeoutInMillis);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 50 || timeoutMs > 30_000) {
    fail(`TimeoutInMillis must be an integer from 50 to 30000, got ${JSON.stringify(props.TimeoutInMillis)}`);
  }
  if (type === 'HTTP_PROXY') {
    return readHttpProxyIntegration(reading.resolver, logicalId, props, timeoutMs, fail);
  }
  if (props.IntegrationSubtype !== undefined)
    return readHttpServiceIntegration(
      logicalId,
      props,
      timeoutMs,
      reading.resolver.ref(logicalId) as string,
      fail,
    );
  const uri = String(props.IntegrationUri ?? '');
  const functionArn = FUNCTION_ARN.exec(LAMBDA_PATH_URI.exec(uri)?.[1] ?? uri)?.[1];
  if (!functionArn) {
    fail(
      `IntegrationUri must be a Lambda function ARN or its apigateway invocation path, got ${JSON.stringify(uri)}`,
    );
  }
  const lambda = reading.functionsByArn.get(functionArn);
  if (!lambda)
    fail(`the integration invokes ${functionArn}, which is not a function with local code in this stack`);
  if (!lambda.runtime.startsWith('nodejs')) {
    fail(`runtime "${lambda.runtime}" of ${lambda.logicalId} cannot run locally; only nodejs runtimes can`);
  }
  const version = props.PayloadFormatVersion;
  if (version !== '1.0' && version !== '2.0') {
    fail(
      `PayloadFormatVersion must be "1.0" or "2.0" for a Lambda proxy integration, got ${JSON.stringify(version)}`,
    );
  }
  return {
    kind: 'lambda',
    logicalId,
    integrationId: reading.resolver.ref(logicalId) as string,
    payloadFormatVersion: version as PayloadFormatVersion,
    lambda,
    timeoutMs,
  };
}
