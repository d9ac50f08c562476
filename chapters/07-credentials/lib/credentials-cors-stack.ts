/**
 * Chapter 07: who may read a response sent with the visitor's cookies, and what browsers and caches keep of
 * a CORS answer.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Cors, type CorsOptions, LambdaIntegration, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ALLOWED_ORIGINS, EXPOSED_HEADER, PREFLIGHT_MAX_AGE } from './cors-settings.js';

/** Properties of {@link CredentialsCorsStack}. */
export interface CredentialsCorsStackProps extends StackProps {
  /**
   * Builds the HTTP API with `allowOrigins: ['*']` and `allowCredentials: true`, a combination CDK refuses
   * while the app is being built (`CORS preflight - allowCredentials is not supported when allowOrigin is
   * '*'`). `true` exists only to show that refusal: the stack cannot be synthesized.
   * @default false
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
   */
  readonly credentialsForAnyOrigin?: boolean;
}

/**
 * Two APIs that answer requests sent with credentials (`fetch(url, { credentials: 'include' })`):
 *
 * - `CredentialsRestApi`, a REST API whose Lambda proxy handlers show each way to answer them — the wildcard
 *   the browser refuses (`/wildcard`), the echo of any origin that lets every site in (`/reflect`), the
 *   allow-list of `@cors-workshop/cors` (`/profile`, `/unexposed`), a hand-written allow-list that forgets
 *   `Vary` (`/no-vary`), two sources of `Access-Control-Allow-Origin` at once (`/duplicate`), and three
 *   preflight cache lifetimes (`/max-age`, `/no-max-age`, `/no-cache`);
 * - `CredentialsHttpApi`, an HTTP API whose CORS configuration is the allow-list, with credentials, an exposed
 *   header and a preflight cache lifetime.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS#requests_with_credentials
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
 */
export class CredentialsCorsStack extends Stack {
  /** The REST API. */
  readonly restApi: RestApi;
  /** The HTTP API. */
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: CredentialsCorsStackProps = {}) {
    super(scope, id, props);
    const allowOrigins = [...ALLOWED_ORIGINS];

    this.restApi = new RestApi(this, 'CredentialsRestApi');
    const fn = (name: string, entry: string, environment?: Record<string, string>) =>
      new NodejsFunction(this, name, {
        entry: handlerFile(entry),
        runtime: Runtime.NODEJS_22_X,
        logGroup: shortLivedLogGroup(this, `${name}Logs`),
        ...(environment && { environment }),
      });
    const route = (path: string, handler: NodejsFunction, preflight: CorsOptions) => {
      this.restApi.root
        .addResource(path, { defaultCorsPreflightOptions: preflight })
        .addMethod('GET', new LambdaIntegration(handler));
    };
    const listed: CorsOptions = { allowOrigins, allowCredentials: true };

    // The wildcard, which a credentialed request may not use. CDK does not stop it on a REST API.
    route('wildcard', fn('WildcardFn', 'wildcard.ts'), {
      allowOrigins: Cors.ALL_ORIGINS,
      allowCredentials: true,
    });

    // The dangerous fix: every origin echoed, with credentials.
    route('reflect', fn('ReflectFn', 'reflect.ts'), listed);

    // The allow-list, from the shared policy: with and without the exposed header.
    const origins = { ALLOWED_ORIGINS: allowOrigins.join(',') };
    const profileFn = fn('ProfileFn', 'profile.ts', { ...origins, EXPOSE_HEADERS: EXPOSED_HEADER });
    route('profile', profileFn, listed);
    route('unexposed', fn('UnexposedFn', 'profile.ts', { ...origins, EXPOSE_HEADERS: '' }), listed);

    // A hand-written allow-list without Vary: Origin, for the shared cache in front.
    route('no-vary', fn('NoVaryFn', 'no-vary.ts', origins), listed);

    // Access-Control-Allow-Origin twice: in headers and in multiValueHeaders.
    route('duplicate', fn('DuplicateFn', 'duplicate.ts', origins), listed);

    // How long the browser may keep a preflight answer: ten minutes, its own default, not at all.
    route('max-age', profileFn, { ...listed, maxAge: PREFLIGHT_MAX_AGE });
    route('no-max-age', profileFn, listed);
    route('no-cache', profileFn, { ...listed, disableCache: true });

    this.httpApi = new HttpApi(this, 'CredentialsHttpApi', {
      corsPreflight: {
        allowOrigins: props.credentialsForAnyOrigin ? ['*'] : allowOrigins,
        allowMethods: [CorsHttpMethod.GET],
        allowHeaders: ['x-api-key'],
        exposeHeaders: [EXPOSED_HEADER],
        maxAge: PREFLIGHT_MAX_AGE,
        allowCredentials: true,
      },
    });
    this.httpApi.addRoutes({
      path: '/profile',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration(
        'HttpProfileIntegration',
        fn('HttpProfileFn', 'http-profile.ts'),
      ),
    });
    new CfnOutput(this, 'CredentialsHttpApiEndpoint', { value: this.httpApi.apiEndpoint });
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
