/**
 * Chapter 01: a REST API in front of a Lambda proxy integration, with CORS.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Cors, LambdaIntegration, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * The origins allowed to read `GET /greeting` unless the stack is given others: a made-up production site and
 * the usual address of a local development server.
 */
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = [
  'https://app.example.com',
  'http://localhost:5173',
];

/** Properties of {@link ProxyCorsRestapiStack}. */
export interface ProxyCorsRestapiStackProps extends StackProps {
  /**
   * The origins allowed to read `GET /greeting`, as browsers send them in `Origin` (`scheme://host[:port]`).
   * The same list configures the preflight of `/greeting` (answered by API Gateway) and the function's own
   * CORS policy (for the actual response).
   * @default DEFAULT_ALLOWED_ORIGINS
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Origin
   */
  readonly allowedOrigins?: readonly string[];
}

/**
 * A REST API whose root answers `GET` through a Lambda proxy integration, with CORS:
 *
 * - `OPTIONS` on every resource is a `MOCK` integration that API Gateway answers itself
 *   (`defaultCorsPreflightOptions`);
 * - `GET /` is answered by `RestProxyFn`, which writes its `Access-Control-Allow-Origin` header by hand;
 * - `GET /greeting` is answered by `GreetingFn`, which gets its CORS headers from a shared policy and only
 *   lets the listed origins in.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
 * @see https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_apigateway.RestApi.html
 */
export class ProxyCorsRestapiStack extends Stack {
  constructor(scope: Construct, id: string, props: ProxyCorsRestapiStackProps = {}) {
    super(scope, id, props);

    const restProxyFn = new NodejsFunction(this, 'RestProxyFn', {
      entry: handlerFile('rest-proxy.ts'),
      runtime: Runtime.NODEJS_22_X,
      logGroup: shortLivedLogGroup(this, 'RestProxyFnLogs'),
    });

    const restApi = new RestApi(this, 'ProxyCorsRestApi', {
      defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS },
    });
    restApi.root.addMethod('get', new LambdaIntegration(restProxyFn));

    const allowedOrigins = [...(props.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS)];
    const greetingFn = new NodejsFunction(this, 'GreetingFn', {
      entry: handlerFile('greeting.ts'),
      runtime: Runtime.NODEJS_22_X,
      logGroup: shortLivedLogGroup(this, 'GreetingFnLogs'),
      environment: { ALLOWED_ORIGINS: allowedOrigins.join(',') },
    });
    const greeting = restApi.root.addResource('greeting', {
      defaultCorsPreflightOptions: { allowOrigins: allowedOrigins },
    });
    greeting.addMethod('GET', new LambdaIntegration(greetingFn));
  }
}

function handlerFile(name: string): string {
  return fileURLToPath(new URL(`../handlers/${name}`, import.meta.url));
}

/**
 * A log group for one function, kept a day and deleted with the stack: a workshop leaves nothing behind.
 * Passing it as `logGroup` also stops CDK from creating its own `/aws/lambda/<name>` group.
 */
function shortLivedLogGroup(scope: Construct, id: string): LogGroup {
  return new LogGroup(scope, id, { retention: RetentionDays.ONE_DAY, removalPolicy: RemovalPolicy.DESTROY });
}
