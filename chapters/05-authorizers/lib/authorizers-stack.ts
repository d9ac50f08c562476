/**
 * Chapter 05: authorizers in front of the API, and what their 401s and 403s look like to a browser.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  CognitoUserPoolsAuthorizer,
  Cors,
  LambdaIntegration,
  ResponseType,
  RestApi,
  TokenAuthorizer,
} from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** Properties of {@link AuthorizersStack}: each `false` puts back one mistake the lesson fixes. */
export interface AuthorizersStackProps extends StackProps {
  /**
   * Give the REST API's own 4XX answers — the authorizer's 401 and 403 among them — the CORS header, through a
   * `DEFAULT_4XX` gateway response. Without it a page sees those answers as CORS errors.
   * @default true
   */
  readonly corsOnAuthorizerErrors?: boolean;

  /**
   * Give `ProfileHttpApi` an `OPTIONS /{proxy+}` route without authorizer, which outranks its `$default`
   * route. Without it, the JWT authorizer of `$default` refuses every preflight.
   * @default true
   */
  readonly openPreflightRoute?: boolean;

  /**
   * Give `CatalogRestApi`'s own 4XX answers — the 403 of a missing or wrong API key among them — the CORS
   * header, through a `DEFAULT_4XX` gateway response. Without it a page sees those answers as CORS errors.
   * @default true
   */
  readonly corsOnApiKeyErrors?: boolean;
}

/**
 * The value of `CatalogKey`, the API key the lesson's calls send in `X-Api-Key`. It is written here so that the
 * lab and `scripts/verify.sh` can send it; a real key is a secret, and does not belong in code.
 */
export const CATALOG_API_KEY = 'local-lesson-key-not-a-secret';

/**
 * The request headers `GET /specials`'s preflight allows: a list written by hand, which forgets `X-Api-Key`.
 * `Cors.DEFAULT_HEADERS`, which `/catalog` keeps, names it.
 */
export const SPECIALS_ALLOW_HEADERS = ['Content-Type', 'Authorization'];

/**
 * `OrdersRestApi`, a REST API whose every method needs an authorizer (`defaultMethodOptions`):
 *
 * - `GET /orders` is guarded by `OrdersTokenAuthorizer`, a Lambda `TOKEN` authorizer (`TokenAuthorizerFn`),
 *   and answered by `OrdersFn`;
 * - `GET /profile` overrides that with `UsersAuthorizer`, a Cognito authorizer of the user pool `Users`, and
 *   is answered by `ProfileFn`;
 * - CDK's generated `OPTIONS` methods keep `AuthorizationType: NONE`, so preflights need no token;
 * - a `DEFAULT_4XX` gateway response puts `Access-Control-Allow-Origin: *` on the authorizers' refusals.
 *
 * `ProfileHttpApi`, an HTTP API with a CORS configuration whose `$default` route sends everything to
 * `ProfileFn` behind `UsersJwtAuthorizer`, a JWT authorizer of the same user pool; an `OPTIONS /{proxy+}`
 * route without authorizer lets the preflights through.
 *
 * `CatalogRestApi`, a REST API whose every method needs an API key (`apiKeyRequired` in `defaultMethodOptions`),
 * `CatalogKey`, granted on its `prod` stage by the usage plan `CatalogPlan`:
 *
 * - `GET /catalog`'s preflight allows CDK's `Cors.DEFAULT_HEADERS`, which include `X-Api-Key`;
 * - `GET /specials`'s preflight allows only {@link SPECIALS_ALLOW_HEADERS}, so a browser never sends its GET;
 * - a `DEFAULT_4XX` gateway response puts `Access-Control-Allow-Origin: *` on the 403 of a missing key.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
export class AuthorizersStack extends Stack {
  /** The REST API behind the authorizers. */
  readonly restApi: RestApi;
  /** The HTTP API whose `$default` route needs a token of the user pool. */
  readonly httpApi: HttpApi;
  /** The REST API whose methods need an API key. */
  readonly catalogApi: RestApi;
  /** The user pool whose tokens `GET /profile` and `ProfileHttpApi` accept. */
  readonly users: UserPool;

  constructor(scope: Construct, id: string, props: AuthorizersStackProps = {}) {
    super(scope, id, props);

    this.users = new UserPool(this, 'Users', { removalPolicy: RemovalPolicy.DESTROY });
    const webClient = this.users.addClient('UsersWebClient');

    const tokenAuthorizerFn = nodeFunction(this, 'TokenAuthorizerFn', 'token-authorizer.ts');
    const ordersTokenAuthorizer = new TokenAuthorizer(this, 'OrdersTokenAuthorizer', {
      handler: tokenAuthorizerFn,
    });

    this.restApi = new RestApi(this, 'OrdersRestApi', {
      defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS },
      defaultMethodOptions: { authorizer: ordersTokenAuthorizer },
    });
    const ordersFn = nodeFunction(this, 'OrdersFn', 'orders.ts');
    this.restApi.root.addResource('orders').addMethod('GET', new LambdaIntegration(ordersFn));

    const profileFn = nodeFunction(this, 'ProfileFn', 'profile.ts');
    const usersAuthorizer = new CognitoUserPoolsAuthorizer(this, 'UsersAuthorizer', {
      cognitoUserPools: [this.users],
    });
    this.restApi.root
      .addResource('profile')
      .addMethod('GET', new LambdaIntegration(profileFn), { authorizer: usersAuthorizer });

    if (props.corsOnAuthorizerErrors ?? true) {
      this.restApi.addGatewayResponse('Default4xx', {
        type: ResponseType.DEFAULT_4XX,
        responseHeaders: { 'Access-Control-Allow-Origin': "'*'" },
      });
    }

    this.httpApi = new HttpApi(this, 'ProfileHttpApi', {
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.GET],
        allowHeaders: ['authorization'],
      },
      defaultAuthorizer: new HttpUserPoolAuthorizer('UsersJwtAuthorizer', this.users, {
        userPoolClients: [webClient],
      }),
      defaultIntegration: new HttpLambdaIntegration('ProfileIntegration', profileFn),
    });
    if (props.openPreflightRoute ?? true) {
      this.httpApi.addRoutes({
        path: '/{proxy+}',
        methods: [HttpMethod.OPTIONS],
        integration: new HttpLambdaIntegration('PreflightIntegration', profileFn),
        authorizer: new HttpNoneAuthorizer(),
      });
    }

    this.catalogApi = new RestApi(this, 'CatalogRestApi', {
      defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS, allowHeaders: Cors.DEFAULT_HEADERS },
      defaultMethodOptions: { apiKeyRequired: true },
    });
    const catalogFn = nodeFunction(this, 'CatalogFn', 'catalog.ts');
    this.catalogApi.root.addResource('catalog').addMethod('GET', new LambdaIntegration(catalogFn));
    this.catalogApi.root
      .addResource('specials', {
        defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS, allowHeaders: SPECIALS_ALLOW_HEADERS },
      })
      .addMethod('GET', new LambdaIntegration(catalogFn));
    const catalogKey = this.catalogApi.addApiKey('CatalogKey', { value: CATALOG_API_KEY });
    this.catalogApi
      .addUsagePlan('CatalogPlan', { apiStages: [{ stage: this.catalogApi.deploymentStage }] })
      .addApiKey(catalogKey);
    if (props.corsOnApiKeyErrors ?? true) {
      this.catalogApi.addGatewayResponse('Default4xx', {
        type: ResponseType.DEFAULT_4XX,
        responseHeaders: { 'Access-Control-Allow-Origin': "'*'" },
      });
    }

    new CfnOutput(this, 'OrdersRestApiEndpoint', { value: this.restApi.url });
    new CfnOutput(this, 'ProfileHttpApiEndpoint', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'CatalogRestApiEndpoint', { value: this.catalogApi.url });
    new CfnOutput(this, 'UsersPoolId', { value: this.users.userPoolId });
    new CfnOutput(this, 'UsersWebClientId', { value: webClient.userPoolClientId });
  }
}

function nodeFunction(scope: Construct, id: string, handler: string): NodejsFunction {
  return new NodejsFunction(scope, id, {
    entry: fileURLToPath(new URL(`../handlers/${handler}`, import.meta.url)),
    runtime: Runtime.NODEJS_22_X,
    logGroup: new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_DAY,
      removalPolicy: RemovalPolicy.DESTROY,
    }),
  });
}
