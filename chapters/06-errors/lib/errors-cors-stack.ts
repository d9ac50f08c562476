/**
 * Chapter 06: the errors API Gateway writes itself, and the gateway responses that give them CORS headers.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  ApiKey,
  type CfnMethod,
  Cors,
  LambdaIntegration,
  type Resource,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { addMethodRequestRoutes, THROTTLED_METHOD_OPTIONS, THROTTLED_PATH } from './method-request-routes.js';

/**
 * How long the integrations of `/slow` wait for the function, which takes two seconds: API Gateway gives up
 * first. (The function itself may run for Lambda's default three seconds.)
 */
export const INTEGRATION_TIMEOUT = Duration.seconds(1);

/**
 * The value of the API key `GET /keyed` accepts. It is in the repository, so it protects nothing: the route
 * exists to show the error of a missing key, not to keep anyone out.
 */
export const DEMO_API_KEY = 'cors-workshop-06-demo-key-not-a-secret';

/** The `Access-Control-Allow-Origin` value the gateway responses of `FixedRestApi` send, as a static mapping. */
const ANY_ORIGIN = "'*'";

/**
 * Three APIs with the same routes, answered by the same functions, and a fourth for binary media types:
 *
 * - `BareRestApi`, a REST API without gateway responses: every error API Gateway writes itself (the `403` of a
 *   wrong path or method, the `502` of a malformed or failed function, the `504` of an integration timeout)
 *   carries no CORS header;
 * - `FixedRestApi`, the same REST API with `DEFAULT_4XX` and `DEFAULT_5XX` gateway responses that carry
 *   `Access-Control-Allow-Origin`, a specific `MISSING_AUTHENTICATION_TOKEN` response (a readable `404`), and
 *   a specific `INTEGRATION_TIMEOUT` response that forgets the header — and so loses it;
 * - `ErrorsHttpApi`, an HTTP API with a CORS configuration, for comparison;
 * - `BinaryRestApi`, whose `binaryMediaTypes: ['*\/*']` would break CDK's preflight without
 *   {@link convertPreflightToText}.
 *
 * Routes: `GET /items` (works), `GET /malformed` (returns a body that is not a string), `GET /throws` (throws),
 * `GET /slow` (answers after the integration timeout). Every resource has CDK's preflight for `*`.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export class ErrorsCorsStack extends Stack {
  /** The REST API whose errors carry no CORS header. */
  readonly bareApi: RestApi;
  /** The REST API whose errors carry one, through gateway responses. */
  readonly fixedApi: RestApi;
  /** The REST API that treats every body as binary, with the preflight fix. */
  readonly binaryApi: RestApi;
  /** The HTTP API. */
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const fn = (name: string, entry: string) =>
      new NodejsFunction(this, name, {
        entry: handlerFile(entry),
        runtime: Runtime.NODEJS_22_X,
        logGroup: shortLivedLogGroup(this, `${name}Logs`),
      });
    const functions = {
      items: fn('ItemsFn', 'items.ts'),
      malformed: fn('MalformedFn', 'malformed.ts'),
      throws: fn('ThrowsFn', 'throws.ts'),
      slow: fn('SlowFn', 'slow.ts'),
    };

    const demoKey = new ApiKey(this, 'DemoApiKey', { value: DEMO_API_KEY });
    const restApi = (name: string) => {
      const api = new RestApi(this, name, {
        defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS },
        deployOptions: { methodOptions: { ...THROTTLED_METHOD_OPTIONS } },
      });
      for (const [path, handler] of Object.entries(functions)) {
        const timeout = path === 'slow' ? { timeout: INTEGRATION_TIMEOUT } : {};
        api.root.addResource(path).addMethod('GET', new LambdaIntegration(handler, timeout));
      }
      addMethodRequestRoutes(api, functions.items, demoKey);
      return api;
    };

    this.bareApi = restApi('BareRestApi');

    this.fixedApi = restApi('FixedRestApi');
    // Every 4XX and 5XX API Gateway writes itself, unless a specific type below is customised.
    this.fixedApi.addGatewayResponse('Default4xx', {
      type: ResponseType.DEFAULT_4XX,
      responseHeaders: { 'Access-Control-Allow-Origin': ANY_ORIGIN },
    });
    this.fixedApi.addGatewayResponse('Default5xx', {
      type: ResponseType.DEFAULT_5XX,
      responseHeaders: { 'Access-Control-Allow-Origin': ANY_ORIGIN },
    });
    // A specific type replaces its family's customisation as a whole: this one repeats the header.
    this.fixedApi.addGatewayResponse('MissingAuthenticationToken', {
      type: ResponseType.MISSING_AUTHENTICATION_TOKEN,
      statusCode: '404',
      responseHeaders: { 'Access-Control-Allow-Origin': ANY_ORIGIN },
      templates: { 'application/json': '{"message":"No such route"}' },
    });
    // … and this one does not, so the 504 loses the header DEFAULT_5XX would have given it.
    this.fixedApi.addGatewayResponse('IntegrationTimeout', {
      type: ResponseType.INTEGRATION_TIMEOUT,
      templates: { 'application/json': '{"message":"The items are slow today; try again"}' },
    });

    // Every request body binary: CDK's preflight as generated fails; converted to text, it works.
    this.binaryApi = new RestApi(this, 'BinaryRestApi', { binaryMediaTypes: ['*/*'] });
    for (const path of ['as-generated', 'converted']) {
      const resource = this.binaryApi.root.addResource(path, {
        defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS },
      });
      resource.addMethod('GET', new LambdaIntegration(functions.items));
      if (path === 'converted') convertPreflightToText(resource);
    }

    this.httpApi = new HttpApi(this, 'ErrorsHttpApi', {
      corsPreflight: { allowOrigins: ['*'], allowMethods: [CorsHttpMethod.GET] },
    });
    for (const [path, handler] of Object.entries(functions)) {
      this.httpApi.addRoutes({
        path: `/${path}`,
        methods: [HttpMethod.GET],
        integration: new HttpLambdaIntegration(`Http${path}Integration`, handler, {
          ...(path === 'slow' && { timeout: INTEGRATION_TIMEOUT }),
        }),
      });
    }
    this.httpApi.addRoutes({
      path: `/${THROTTLED_PATH}`,
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('HttpThrottledIntegration', functions.items),
    });
    // CDK's HttpStage throttles a whole stage only; a route of its own is set on the synthesized stage.
    const stage = this.httpApi.defaultStage?.node.defaultChild as CfnStage;
    stage.addPropertyOverride('RouteSettings', {
      [`GET /${THROTTLED_PATH}`]: { ThrottlingRateLimit: 0, ThrottlingBurstLimit: 0 },
    });
    new CfnOutput(this, 'ErrorsHttpApiEndpoint', { value: this.httpApi.apiEndpoint });
  }
}

/**
 * Sets `ContentHandling: CONVERT_TO_TEXT` on the integration of the `OPTIONS` method CDK generated for a
 * resource. With `binaryMediaTypes: ['*\/*']` API Gateway reads every request body as binary, a `MOCK` request
 * template cannot be applied to binary data, and the preflight fails with `500` unless the integration converts
 * it to text. `addCorsPreflight` has no option for it, hence the override of the synthesized property.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html
 */
export function convertPreflightToText(resource: Resource): void {
  const preflight = resource.node.findChild('OPTIONS').node.defaultChild as CfnMethod;
  preflight.addPropertyOverride('Integration.ContentHandling', 'CONVERT_TO_TEXT');
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
