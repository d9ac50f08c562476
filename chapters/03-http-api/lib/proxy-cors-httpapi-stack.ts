/**
 * Chapter 03: an HTTP API in front of Lambda proxy integrations, with CORS handled by API Gateway itself.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * The origins `ListedOriginsHttpApi` lets in unless the stack is given others: a made-up production site and
 * the usual address of a local development server.
 */
export const DEFAULT_LISTED_ORIGINS: readonly string[] = ['https://app.example.com', 'http://localhost:5173'];

/** The request headers a page may send to `ListedOriginsHttpApi`. */
export const LISTED_ALLOW_HEADERS: readonly string[] = ['content-type', 'authorization'];

/** The response headers a page may read from `ListedOriginsHttpApi`, besides the safelisted ones. */
export const LISTED_EXPOSE_HEADERS: readonly string[] = ['x-request-id'];

/** How long a browser may reuse a preflight answer of `ListedOriginsHttpApi`. */
export const LISTED_MAX_AGE = Duration.minutes(10);

/** Properties of {@link ProxyCorsHttpapiStack}. */
export interface ProxyCorsHttpapiStackProps extends StackProps {
  /**
   * The origins `ListedOriginsHttpApi` lets in, as browsers send them in `Origin` (`scheme://host[:port]`).
   * @default DEFAULT_LISTED_ORIGINS
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Origin
   */
  readonly listedOrigins?: readonly string[];
}

/**
 * Two HTTP APIs whose CORS is a property of the API, not of its routes or functions:
 *
 * - `ProxyCorsHttpApi` (the article's API) lets every origin in: `GET /` is answered by `HttpProxyFn`, which
 *   sets no header at all, and `GET /own-cors` by `OwnCorsFn`, whose own CORS headers API Gateway replaces;
 * - `ListedOriginsHttpApi` lets only the listed origins in, with credentials, an exposed response header and
 *   a preflight cache time; `GET` and `POST /profile` are answered by `ProfileFn`.
 *
 * Neither API has an `OPTIONS` route: API Gateway answers preflights from the CORS configuration.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 * @see https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_apigatewayv2.HttpApi.html
 */
export class ProxyCorsHttpapiStack extends Stack {
  /** The article's API, open to every origin. */
  readonly httpApi: HttpApi;
  /** The API that lets only the listed origins in. */
  readonly listedOriginsApi: HttpApi;

  constructor(scope: Construct, id: string, props: ProxyCorsHttpapiStackProps = {}) {
    super(scope, id, props);

    const httpProxyFn = new NodejsFunction(this, 'HttpProxyFn', {
      entry: handlerFile('http-proxy.ts'),
      runtime: Runtime.NODEJS_22_X,
      logGroup: shortLivedLogGroup(this, 'HttpProxyFnLogs'),
    });

    this.httpApi = new HttpApi(this, 'ProxyCorsHttpApi', {
      corsPreflight: { allowMethods: [CorsHttpMethod.ANY], allowOrigins: ['*'] },
    });
    this.httpApi.addRoutes({
      path: '/',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('HttpProxyIntegration', httpProxyFn),
    });

    const ownCorsFn = new NodejsFunction(this, 'OwnCorsFn', {
      entry: handlerFile('own-cors.ts'),
      runtime: Runtime.NODEJS_22_X,
      logGroup: shortLivedLogGroup(this, 'OwnCorsFnLogs'),
    });
    this.httpApi.addRoutes({
      path: '/own-cors',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('OwnCorsIntegration', ownCorsFn),
    });

    new CfnOutput(this, 'HttpApiEndpoint', { value: this.httpApi.apiEndpoint });

    const profileFn = new NodejsFunction(this, 'ProfileFn', {
      entry: handlerFile('profile.ts'),
      runtime: Runtime.NODEJS_22_X,
      logGroup: shortLivedLogGroup(this, 'ProfileFnLogs'),
    });
    this.listedOriginsApi = new HttpApi(this, 'ListedOriginsHttpApi', {
      corsPreflight: {
        allowOrigins: [...(props.listedOrigins ?? DEFAULT_LISTED_ORIGINS)],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
        allowHeaders: [...LISTED_ALLOW_HEADERS],
        exposeHeaders: [...LISTED_EXPOSE_HEADERS],
        maxAge: LISTED_MAX_AGE,
        allowCredentials: true,
      },
    });
    this.listedOriginsApi.addRoutes({
      path: '/profile',
      methods: [HttpMethod.GET, HttpMethod.POST],
      integration: new HttpLambdaIntegration('ProfileIntegration', profileFn),
    });

    new CfnOutput(this, 'ListedOriginsHttpApiEndpoint', { value: this.listedOriginsApi.apiEndpoint });
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
