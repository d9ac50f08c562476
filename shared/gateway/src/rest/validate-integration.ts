/**
 * Load-time checks of an `AWS::ApiGateway::Method` `Integration` that AWS makes when the integration is
 * put, with AWS's own messages (recorded on AWS by the LocalStack tests
 * `test_apigateway_integrations.py::test_put_integration_validation`, validated 2024-06-06,
 * `test_apigateway_lambda.py::test_put_integration_aws_proxy_uri`, validated 2025-03-03, and
 * `test_apigateway_api.py::TestApigatewayIntegration::test_put_integration_wrong_type`, validated
 * 2024-04-15).
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegration.html
 */

const INTEGRATION_TYPES = ['HTTP', 'MOCK', 'AWS_PROXY', 'HTTP_PROXY', 'AWS'];

/** Integration types that call a backend over HTTP, and so need `IntegrationHttpMethod`. */
const NEEDS_HTTP_METHOD: ReadonlySet<string> = new Set(['AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY']);

/**
 * A Lambda function invocation URI: `arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations`.
 * AWS also accepts more than one slash after `path` (`lambda:path//2015-03-31/…`).
 */
const LAMBDA_INVOCATION_URI =
  /^arn:[^:]+:apigateway:[^:]*:lambda:path\/+[^/]+\/functions\/(.+)\/invocations$/;

/**
 * The message AWS refuses an integration with, or `undefined` when AWS accepts it.
 * @param integration - the resolved `Integration` property
 */
export function integrationProblem(integration: Readonly<Record<string, unknown>>): string | undefined {
  const type = integration.Type;
  if (typeof type !== 'string' || !INTEGRATION_TYPES.includes(type)) {
    return `1 validation error detected: Value '${String(type)}' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [${INTEGRATION_TYPES.join(', ')}]`;
  }
  const method = integration.IntegrationHttpMethod;
  if (NEEDS_HTTP_METHOD.has(type) && (method === undefined || method === null || method === '')) {
    return 'Enumeration value for HttpMethod must be non-empty';
  }
  if (type === 'AWS' || type === 'AWS_PROXY') return awsUriProblem(String(integration.Uri ?? ''));
  return undefined;
}

/**
 * The message AWS refuses an `AWS`/`AWS_PROXY` integration URI with: not an ARN at all, or an ARN that is
 * not an API Gateway service ARN with a `path/…` or `action/…` resource (a bare Lambda function ARN, an IAM
 * role ARN, `…:lambda:test/…`).
 */
export function awsUriProblem(uri: string): string | undefined {
  const parts = uri.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[1] === '' || parts[2] === '') {
    return 'Invalid ARN specified in the request';
  }
  const resource = parts.slice(5).join(':');
  if (parts[2] !== 'apigateway' || !/^(path|action)\//.test(resource)) {
    return 'AWS ARN for integration must contain path or action';
  }
  return undefined;
}

/**
 * The function ARN a Lambda invocation URI names (it may still hold `${stageVariables.name}`).
 * @returns `undefined` when the URI is not a Lambda invocation URI
 */
export function lambdaFunctionArnOf(uri: string): string | undefined {
  return LAMBDA_INVOCATION_URI.exec(uri)?.[1];
}

/**
 * Whether an `AWS_PROXY` integration's `IntegrationHttpMethod` lets it invoke Lambda. AWS accepts any method
 * when the integration is put, but the invocation then fails: every request is answered 500 (recorded on
 * AWS by `test_apigateway_lambda.py::test_lambda_aws_proxy_integration_non_post_method`, validated
 * 2024-07-10).
 */
export function invokesLambdaWith(integrationHttpMethod: unknown): boolean {
  return String(integrationHttpMethod).toUpperCase() === 'POST';
}
