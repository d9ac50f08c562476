/**
 * Chapter 02: a REST API in front of a custom (non-proxy) Lambda integration, with CORS mapped by API
 * Gateway.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  Cors,
  type IntegrationResponse,
  LambdaIntegration,
  type MethodResponse,
  PassthroughBehavior,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { echoAllowedOriginTemplate } from './echo-allowed-origin-template.js';

/**
 * The origins allowed to read `GET /greeting` unless the stack is given others: a made-up production site and
 * the usual address of a local development server (the same two as chapter 01).
 */
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = [
  'https://app.example.com',
  'http://localhost:5173',
];

/**
 * The `selectionPattern` that sends a function error starting with `[BadRequest]` to the `400` integration
 * response. API Gateway matches it, as a Java regular expression, against the whole `errorMessage`.
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_IntegrationResponse.html
 */
export const BAD_REQUEST_PATTERN = '\\[BadRequest\\].*';

/** The key of a method response header in `responseParameters`. */
const ALLOW_ORIGIN = 'method.response.header.Access-Control-Allow-Origin';

/** Properties of {@link CustomCorsRestapiStack}. */
export interface CustomCorsRestapiStackProps extends StackProps {
  /**
   * Whether `GET /` declares `Access-Control-Allow-Origin` on its `200` method response. Without the
   * declaration the integration response maps a header the method does not have, and API Gateway refuses to
   * deploy the API (`Invalid mapping expression specified: …`); the local gateway refuses to serve it the same
   * way. `false` exists only to show that refusal: such a stack cannot be deployed.
   * @default true
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-response.html
   */
  readonly declareMethodResponseHeader?: boolean;

  /**
   * Whether the `400` of `GET /fails` maps `Access-Control-Allow-Origin` too (and declares it on its method
   * response). With `false` the error reaches the browser without the header, and the page cannot read it.
   * @default true
   */
  readonly corsOnMappedErrors?: boolean;

  /**
   * Whether the API's own 4XX answers (`403 Missing Authentication Token`, `415 Unsupported Media Type`, …)
   * carry `Access-Control-Allow-Origin: *`, through a customised `DEFAULT_4XX` gateway response. With
   * `false` they carry no CORS header at all.
   * @default true
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html
   */
  readonly corsOnGatewayErrors?: boolean;

  /**
   * The origins allowed to read `GET /greeting`, as browsers send them in `Origin` (`scheme://host[:port]`).
   * The preflight of `/greeting` and the response template of its `GET` use the same list.
   * @default DEFAULT_ALLOWED_ORIGINS
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Origin
   */
  readonly allowedOrigins?: readonly string[];
}

/**
 * A REST API whose methods call Lambda through custom integrations: API Gateway builds each function's event
 * with a request template and the HTTP response with a response template, so CORS headers are mapped by API
 * Gateway, not written by the functions.
 *
 * - `OPTIONS` on every resource is CDK's `MOCK` preflight (`defaultCorsPreflightOptions`);
 * - `GET /` is the article's route: `CustomFn` behind a `200` integration response that maps
 *   `Access-Control-Allow-Origin: '*'`, declared on the method response;
 * - `GET /fails` calls `BadRequestFn`, whose error is mapped to a `400` that carries the header as well;
 * - a `DEFAULT_4XX` gateway response gives the API's own errors the header;
 * - `GET /greeting` lets only the listed origins in, echoing the request's origin from its response template.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-custom-integrations.html
 */
export class CustomCorsRestapiStack extends Stack {
  constructor(scope: Construct, id: string, props: CustomCorsRestapiStackProps = {}) {
    super(scope, id, props);
    const declareMethodResponseHeader = props.declareMethodResponseHeader ?? true;
    const corsOnMappedErrors = props.corsOnMappedErrors ?? true;
    const corsOnGatewayErrors = props.corsOnGatewayErrors ?? true;

    const customFn = new NodejsFunction(this, 'CustomFn', {
      entry: handlerFile('custom.ts'),
      runtime: Runtime.NODEJS_22_X,
      logGroup: shortLivedLogGroup(this, 'CustomFnLogs'),
    });

    const restApi = new RestApi(this, 'CustomCorsRestApi', {
      defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS },
    });

    // GET /: the article's route.
    const customIntegration = new LambdaIntegration(customFn, {
      proxy: false,
      passthroughBehavior: PassthroughBehavior.NEVER,
      requestTemplates: {
        'application/json': JSON.stringify({ input: 'this is the input' }),
      },
      integrationResponses: [
        {
          statusCode: '200',
          responseParameters: { [ALLOW_ORIGIN]: "'*'" },
          responseTemplates: {
            'application/json': JSON.stringify({
              message: { output: '$util.parseJson($input.body)' },
              state: 'ok',
            }),
          },
        },
      ],
    });
    restApi.root.addMethod('get', customIntegration, {
      methodResponses: [
        declareMethodResponseHeader
          ? { statusCode: '200', responseParameters: { [ALLOW_ORIGIN]: true } }
          : { statusCode: '200' },
      ],
    });

    // GET /fails: a function error mapped to a 400.
    const badRequestFn = new NodejsFunction(this, 'BadRequestFn', {
      entry: handlerFile('bad-request.ts'),
      runtime: Runtime.NODEJS_22_X,
      logGroup: shortLivedLogGroup(this, 'BadRequestFnLogs'),
    });
    const badRequest: IntegrationResponse = {
      statusCode: '400',
      selectionPattern: BAD_REQUEST_PATTERN,
      responseTemplates: { 'application/json': `{"message":$input.json('$.errorMessage')}` },
      ...(corsOnMappedErrors && { responseParameters: { [ALLOW_ORIGIN]: "'*'" } }),
    };
    const badRequestMethodResponse: MethodResponse = {
      statusCode: '400',
      ...(corsOnMappedErrors && { responseParameters: { [ALLOW_ORIGIN]: true } }),
    };
    restApi.root.addResource('fails').addMethod(
      'GET',
      new LambdaIntegration(badRequestFn, {
        proxy: false,
        passthroughBehavior: PassthroughBehavior.NEVER,
        requestTemplates: { 'application/json': '{}' },
        integrationResponses: [badRequest],
      }),
      { methodResponses: [badRequestMethodResponse] },
    );

    // The API's own errors: 403 for an unknown route, 415 for a body no template accepts, …
    if (corsOnGatewayErrors) {
      restApi.addGatewayResponse('Default4xx', {
        type: ResponseType.DEFAULT_4XX,
        responseHeaders: { 'Access-Control-Allow-Origin': "'*'" },
      });
    }

    // GET /greeting: only the listed origins, echoed by the response template.
    const allowedOrigins = [...(props.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS)];
    const greeting = restApi.root.addResource('greeting', {
      defaultCorsPreflightOptions: { allowOrigins: allowedOrigins },
    });
    greeting.addMethod(
      'GET',
      new LambdaIntegration(customFn, {
        proxy: false,
        passthroughBehavior: PassthroughBehavior.NEVER,
        requestTemplates: { 'application/json': JSON.stringify({ input: 'hello' }) },
        integrationResponses: [
          {
            statusCode: '200',
            responseParameters: { 'method.response.header.Vary': "'Origin'" },
            responseTemplates: {
              'application/json': echoAllowedOriginTemplate(allowedOrigins, '{"greeting":$input.body}'),
            },
          },
        ],
      }),
      {
        methodResponses: [
          {
            statusCode: '200',
            responseParameters: { [ALLOW_ORIGIN]: true, 'method.response.header.Vary': true },
          },
        ],
      },
    );
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
