import { lambdaProxyIntegration, restApiTemplate, type TestMethod } from '../support/rest-template.js';
import { FUNCTIONS, type FunctionId } from './functions.js';

/**
 * The APIs the recorded tests set up, one template each, built with the test helpers. Each is named after
 * what it holds; the stage names are the recorded ones, since the recordings show them in paths.
 */

const lambdaUri = (fn: FunctionId) => (lambdaProxyIntegration(fn) as { Uri: unknown }).Uri;

/** An `AWS_PROXY` integration of `fn` with extra properties. */
const proxy = (fn: FunctionId, extra: Record<string, unknown> = {}) => ({
  ...lambdaProxyIntegration(fn),
  ...extra,
});

/** An `AWS` (custom) Lambda integration of `fn`. */
const custom = (fn: FunctionId, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS',
  IntegrationHttpMethod: 'POST',
  Uri: lambdaUri(fn),
  ...extra,
});

const ok = [{ StatusCode: '200' }];
const api = (options: Parameters<typeof restApiTemplate>[0]) =>
  restApiTemplate({ functions: FUNCTIONS, ...options });

/** The headers the header-remapping recording sends and maps. */
export const REMAPPING_HEADERS = [
  'Accept',
  'Accept-Charset',
  'Accept-Encoding',
  'Age',
  'Authorization',
  'Connection',
  'Content-Encoding',
  'Content-Length',
  'Content-MD5',
  'Content-Type',
  'Date',
  'Expect',
  'Host',
  'Max-Forwards',
  'Pragma',
  'Proxy-Authenticate',
  'Range',
  'Referer',
  'Server',
  'TE',
  'Transfer-Encoding',
  'Trailer',
  'Upgrade',
  'User-Agent',
  'Via',
  'Warn',
  'WWW-Authenticate',
] as const;

/** Integration request headers whose mapping makes a Lambda integration answer 500, by resource path. */
export const UNMAPPABLE_CASES = {
  'content-length': 'Content-Length',
  'transfer-encoding': 'Transfer-Encoding',
  authorization: 'Authorization',
  connection: 'Connection',
  expect: 'Expect',
  'proxy-authenticate': 'Proxy-Authenticate',
  te: 'TE',
} as const;

/** The integration request parameters of the recording's `/full` resource (static values but `Host`). */
const FULL_REQUEST_PARAMETERS: Record<string, string> = {
  'integration.request.header.Accept': "'text/html'",
  'integration.request.header.Accept-Charset': "'UTF-16'",
  'integration.request.header.Accept-Encoding': "'zstd'",
  'integration.request.header.Age': "'request_params_age'",
  'integration.request.header.Content-Encoding': "'compress'",
  'integration.request.header.Content-MD5': "'request_params_Content-MD5'",
  'integration.request.header.Content-Type': "'application/json'",
  'integration.request.header.Date': "'request_params_Date'",
  'integration.request.header.Host': 'method.request.header.Host',
  'integration.request.header.Max-Forwards': "'2'",
  'integration.request.header.Pragma': "'no-cache'",
  'integration.request.header.Range': "'bytes=0-499'",
  'integration.request.header.Referer': "'https://example.com/page'",
  'integration.request.header.Server': "'https://example.com/page'",
  'integration.request.header.Trailer': "'user-agent'",
  'integration.request.header.Upgrade': "'HTTP/2.0'",
  'integration.request.header.User-Agent': "'Override-Agent'",
  'integration.request.header.Warn': `'110 anderson/1.3.37 "Response is stale"'`,
  'integration.request.header.WWW-Authenticate': "'Basic YWxhZGRpbjpvcGVuc2VzYW1l'",
  'integration.request.header.Via': "'othersite.net'",
};

const UNMAPPABLE_VALUES: Record<string, string> = {
  'Content-Length': "'0'",
  'Transfer-Encoding': "'deflate'",
  Authorization: "'request_params_authorization'",
  Connection: "'keep-alive'",
  Expect: "'200-ok'",
  'Proxy-Authenticate': `'Basic realm="Access to the internal site"'`,
  TE: "'gzip'",
};

function remappingApi(type: 'AWS' | 'AWS_PROXY') {
  const integration = (extra: Record<string, unknown>) =>
    type === 'AWS' ? custom('ProxyEcho', extra) : proxy('ProxyEcho', extra);
  const declared = [
    {
      StatusCode: '200',
      ResponseParameters: Object.fromEntries(
        REMAPPING_HEADERS.map((h) => [`method.response.header.${h}`, true]),
      ),
    },
  ];
  const method = (path: string, extra: Record<string, unknown>): TestMethod => ({
    path,
    httpMethod: 'GET',
    integration: integration(extra),
    methodResponses: declared,
  });
  const template = `{${REMAPPING_HEADERS.map((h) => `"${h}": "$input.params('${h}')"`).join(',')}}`;
  return api({
    stageName: 'test',
    methods: [
      method('/no-param', { IntegrationResponses: ok }),
      method('/full', {
        RequestParameters: FULL_REQUEST_PARAMETERS,
        RequestTemplates: { 'application/json': template },
        IntegrationResponses: [
          {
            StatusCode: '200',
            ResponseParameters: Object.fromEntries(
              REMAPPING_HEADERS.map((h) => [`method.response.header.${h}`, `'response_param_${h}'`]),
            ),
          },
        ],
      }),
      ...Object.entries(UNMAPPABLE_CASES).map(([path, header]) =>
        method(`/${path}`, {
          RequestParameters: { [`integration.request.header.${header}`]: UNMAPPABLE_VALUES[header] },
          IntegrationResponses: ok,
        }),
      ),
    ],
  });
}

const MOCK_200 = { Type: 'MOCK', RequestTemplates: { 'application/json': '{"statusCode": 200}' } };

/** A MOCK answering 200 with `body` as its response template. */
const mockAnswering = (body: string) => ({
  ...MOCK_200,
  IntegrationResponses: [
    { StatusCode: '200', SelectionPattern: '', ResponseTemplates: { 'application/json': body } },
  ],
});

function passthroughMockApi(behavior: string) {
  const integration = {
    Type: 'MOCK',
    PassthroughBehavior: behavior,
    RequestTemplates: { 'application/json': '{"statusCode":200}' },
    IntegrationResponses: [
      {
        StatusCode: '200',
        ResponseTemplates: { 'application/json': '{"statusCode": 200, "id": $input.params().path.id}' },
      },
    ],
  };
  const responses = [{ StatusCode: '200', ResponseModels: { 'application/json': 'Empty' } }];
  return api({
    stageName: 'test',
    methods: ['GET', 'POST'].map((httpMethod) => ({
      path: '/{id}',
      httpMethod,
      integration,
      methodResponses: responses,
    })),
  });
}

const overrideStatusTemplate = [
  '#set($context.responseOverride.status = 444)',
  '#set($context.responseOverride.header.foo = "bar")',
  '#set($context.responseOverride.custom = "is also passed around")',
  '{ "statusCode": 200 }',
].join('\n');

const readOverridesTemplate = [
  '#set($statusOverride = $context.responseOverride.status)',
  '#set($fooHeader = $context.responseOverride.header.foo)',
  '#set($custom = $context.responseOverride.custom)',
  '{ "statusOverride": "$statusOverride", "fooHeader": "$fooHeader", "custom": "$custom" }',
].join('\n');

function responseOverrideApi(withTemplate: boolean) {
  return api({
    stageName: 'dev',
    methods: [
      {
        path: '/',
        httpMethod: 'GET',
        methodResponses: ok,
        integration: {
          Type: 'MOCK',
          IntegrationHttpMethod: 'POST',
          RequestTemplates: { 'application/json': overrideStatusTemplate },
          IntegrationResponses: [
            {
              StatusCode: '200',
              SelectionPattern: '2\\d{2}',
              ...(withTemplate ? { ResponseTemplates: { 'application/json': readOverridesTemplate } } : {}),
            },
          ],
        },
      },
    ],
  });
}

/** The response templates of the `$input.path` formatting recording, by resource path. */
export const PATH_FORMATTING_TEMPLATES = {
  path: '#set($result = $input.path("$.json"))$result',
  nested: '#set($result = $input.path("$.json"))$result.nested',
  list: '#set($result = $input.path("$.json"))$result[0]',
  'to-string': '#set($result = $input.path("$.json"))$result.toString()',
  'invalid-path':
    '#set($result = $input.path("$.nonExisting")){"body": $result, "nested": $result.nested, "isNull": #if( $result == $null )"true"#else"false"#end, "isEmptyString": #if( $result == "" )"true"#else"false"#end}',
  'nested-list':
    '#set($result = $input.path("$.json.listValue")){"body": $result, "nested": $result.nested, "isNull": #if( $result == $null )"true"#else"false"#end, "isEmptyString": #if( $result == "" )"true"#else"false"#end}',
} as const;

/**
 * The recorded request validation setup: `/nested/{test}` with GET and POST through a Lambda proxy, a
 * validator of parameters and body, the `testSchema` model for JSON bodies, and three required parameters
 * (`pathPart` names the path parameter the POST requires; the recording also required `issuer`, which the
 * path does not have).
 */
function validatorApi(options: { pathPart: string; validate: boolean }) {
  const properties = {
    RequestValidatorId: { Ref: 'Validator' },
    RequestModels: { 'application/json': { Ref: 'TestSchema' } },
  };
  const requiring = (pathPart: string) => ({
    [`method.request.path.${pathPart}`]: true,
    'method.request.querystring.qs1': true,
    'method.request.header.x-header-param': true,
  });
  return api({
    stageName: 'local',
    methods: ['GET', 'POST'].map((httpMethod) => ({
      path: '/nested/{test}',
      httpMethod,
      integration: proxy('ProxyEcho'),
      methodResponses: ok,
      requestParameters: requiring(httpMethod === 'POST' ? options.pathPart : 'test'),
      properties,
    })),
    extraResources: {
      Validator: {
        Type: 'AWS::ApiGateway::RequestValidator',
        Properties: {
          RestApiId: { Ref: 'Api' },
          Name: 'test-validator',
          ValidateRequestBody: options.validate,
          ValidateRequestParameters: options.validate,
        },
      },
      TestSchema: {
        Type: 'AWS::ApiGateway::Model',
        Properties: {
          RestApiId: { Ref: 'Api' },
          Name: 'testSchema',
          ContentType: 'application/json',
          Schema: {
            $schema: 'http://json-schema.org/draft-04/schema#',
            title: 'testSchema',
            type: 'object',
            properties: { a: { type: 'number' }, b: { type: 'number' } },
            required: ['a', 'b'],
          },
        },
      },
    },
  });
}

/** Every API of the suite, by name. */
export const APIS: Readonly<Record<string, Record<string, unknown>>> = {
  proxyEcho: api({
    stageName: 'stage',
    methods: [
      { path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ProxyEcho') },
      { path: '/hardcoded', httpMethod: 'ANY', integration: proxy('ProxyEcho') },
    ],
  }),
  proxyDataMapping: api({
    stageName: 'test',
    methods: [
      {
        path: '/{pathVariable}',
        httpMethod: 'ANY',
        requestParameters: {
          'method.request.header.foobar': true,
          'method.request.querystring.testVar': true,
          'method.request.path.pathVariable': true,
          'method.request.querystring.testQueryString': true,
          'method.request.header.emptyheader': true,
        },
        integration: proxy('ProxyEcho', {
          RequestParameters: {
            'integration.request.header.headerVar': 'method.request.header.foobar',
            'integration.request.path.qsVar': 'method.request.querystring.testVar',
            'integration.request.path.pathVar': 'method.request.path.pathVariable',
            'integration.request.querystring.queryString': 'method.request.querystring.testQueryString',
            'integration.request.querystring.testQs': 'method.request.querystring.testQueryString',
            'integration.request.querystring.testEmptyQs': 'method.request.header.emptyheader',
          },
        }),
      },
    ],
  }),
  proxyGetMethod: api({
    stageName: 'test',
    methods: [
      {
        path: '/{proxy+}',
        httpMethod: 'ANY',
        integration: proxy('ProxyEcho', { IntegrationHttpMethod: 'GET' }),
      },
    ],
    extraResources: {
      IntegrationFailure: {
        Type: 'AWS::ApiGateway::GatewayResponse',
        Properties: {
          RestApiId: { Ref: 'Api' },
          ResponseType: 'INTEGRATION_FAILURE',
          ResponseParameters: {},
        },
      },
    },
  }),
  validator: validatorApi({ pathPart: 'test', validate: true }),
  validatorIssuer: validatorApi({ pathPart: 'issuer', validate: true }),
  validatorDisabled: validatorApi({ pathPart: 'test', validate: false }),
  resultFromBody: api({
    stageName: 'test',
    methods: [{ path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ResultFromBody') }],
  }),
  proxyFormat: api({
    stageName: 'test',
    methods: [{ path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ProxyFormat') }],
  }),
  binaryNone: api({
    stageName: 'test',
    methods: [{ path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ResultFromBody') }],
  }),
  binaryPngStarTest: api({
    stageName: 'test2',
    binaryMediaTypes: ['image/png', '*/test'],
    methods: [{ path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ResultFromBody') }],
  }),
  binaryPngAppJpg: api({
    stageName: 'test3',
    binaryMediaTypes: ['image/png', 'application/*', 'image/jpg'],
    methods: [{ path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ResultFromBody') }],
  }),
  remapAws: remappingApi('AWS'),
  remapAwsProxy: remappingApi('AWS_PROXY'),
  trace: api({
    stageName: 'dev',
    methods: [
      {
        path: '/path',
        httpMethod: 'GET',
        integration: mockAnswering('{"statusCode": 200}'),
        methodResponses: ok,
      },
      { path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ProxyEcho') },
    ],
  }),
  lambdaAws: api({
    stageName: 'api',
    methods: [
      {
        path: '/test',
        httpMethod: 'POST',
        integration: custom('Echo', { IntegrationResponses: ok }),
        methodResponses: ok,
      },
    ],
  }),
  lambdaAwsRequestTemplate: api({
    stageName: 'api',
    methods: [
      {
        path: '/test',
        httpMethod: 'GET',
        requestParameters: { 'method.request.querystring.param1': false },
        methodResponses: ok,
        integration: custom('Echo', {
          RequestTemplates: { 'application/json': `{"param1": "$input.params('param1')"}` },
          IntegrationResponses: [{ StatusCode: '200', SelectionPattern: '' }],
        }),
      },
    ],
  }),
  lambdaAwsResponseOverride: api({
    stageName: 'api',
    methods: [
      {
        path: '/test',
        httpMethod: 'POST',
        methodResponses: [{ StatusCode: '200' }, { StatusCode: '400' }],
        integration: custom('MappingResponses', {
          RequestTemplates: {
            'application/json': `{"apiContext": {"stage": "$context.stage"}, "body": $input.json('$')}`,
          },
          IntegrationResponses: [
            {
              StatusCode: '200',
              SelectionPattern: '',
              ResponseTemplates: {
                'application/json': [
                  '$input.json("$")',
                  '#if($input.path("$").toString().contains("customerror"))',
                  '#set($context.responseOverride.status = 400)',
                  '#else',
                  '#set($context.responseOverride.status = 202)',
                  '#end',
                ].join('\n'),
              },
            },
          ],
        }),
      },
    ],
  }),
  selectionPatterns: api({
    stageName: 'dev',
    methods: [
      {
        path: '/{statusCode}',
        httpMethod: 'GET',
        methodResponses: [
          { StatusCode: '200' },
          { StatusCode: '405' },
          { StatusCode: '502' },
          { StatusCode: '504' },
        ],
        integration: custom('SelectPattern', {
          RequestTemplates: { 'application/json': `{"statusCode": "$input.params('statusCode')"}` },
          IntegrationResponses: [
            { StatusCode: '200', SelectionPattern: '' },
            { StatusCode: '405', SelectionPattern: '.*four hundred.*' },
            { StatusCode: '502', SelectionPattern: '.+' },
            { StatusCode: '504', SelectionPattern: '200' },
          ],
        }),
      },
    ],
  }),
  stageVariablesDev: api({
    stageName: 'dev',
    stageVariables: { lambdaFunction: 'echo', version: '1.0' },
    methods: [
      {
        path: '/test',
        httpMethod: 'POST',
        methodResponses: ok,
        integration: custom('Echo', {
          Uri: {
            'Fn::Join': [
              '',
              [
                'arn:aws:apigateway:',
                { Ref: 'AWS::Region' },
                ':lambda:path/2015-03-31/functions/arn:aws:lambda:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax
                ':function:${stageVariables.lambdaFunction}/invocations',
              ],
            ],
          },
          RequestTemplates: { 'application/json': '{ "version": "$stageVariables.version" }' },
          IntegrationResponses: ok,
        }),
      },
    ],
  }),
  stageVariablesLocal: api({
    stageName: 'local',
    methods: [
      {
        path: '/test',
        httpMethod: 'POST',
        methodResponses: ok,
        integration: custom('Echo', {
          RequestTemplates: { 'application/json': '{ "version": "$stageVariables.version" }' },
          IntegrationResponses: ok,
        }),
      },
    ],
  }),
  asyncLambda: api({
    stageName: 'test',
    methods: [
      {
        path: '/wait/{seconds}',
        httpMethod: 'ANY',
        methodResponses: ok,
        integration: custom('Slow', {
          RequestParameters: { 'integration.request.header.X-Amz-Invocation-Type': "'Event'" },
          RequestTemplates: { 'application/json': `{"seconds": "$input.params('seconds')"}` },
          IntegrationResponses: ok,
        }),
      },
    ],
  }),
  mockWhenNoMatch: passthroughMockApi('WHEN_NO_MATCH'),
  mockNever: passthroughMockApi('NEVER'),
  mockWhenNoTemplates: passthroughMockApi('WHEN_NO_TEMPLATES'),
  mockRequestOverride: api({
    stageName: 'dev',
    methods: [
      {
        path: '/{testPath}',
        httpMethod: 'GET',
        methodResponses: ok,
        integration: {
          Type: 'MOCK',
          IntegrationHttpMethod: 'POST',
          RequestTemplates: {
            'application/json': [
              "#set($body = $util.base64Decode($input.params('testPath')))",
              '#set($context.requestOverride.path.body = $body)',
              '{ "statusCode": 200 }',
            ].join('\n'),
          },
          IntegrationResponses: [
            {
              StatusCode: '200',
              SelectionPattern: '2\\d{2}',
              ResponseTemplates: {
                'application/json': [
                  '#set($body = $util.parseJson($context.requestOverride.path.body))',
                  '#set($inputBody = $body.message)',
                  '#if($inputBody == "path1")',
                  '{ "response": "path was path one" }',
                  '#elseif($inputBody == "path2")',
                  '{ "response": "path was path two" }',
                  '#else',
                  '{ "response": "this is the else clause" }',
                  '#end',
                ].join('\n'),
              },
            },
          ],
        },
      },
    ],
  }),
  mockResponseOverrideTemplate: responseOverrideApi(true),
  mockResponseOverrideNoTemplate: responseOverrideApi(false),
  mockMapAssignment: api({
    stageName: 'dev',
    methods: [
      {
        path: '/',
        httpMethod: 'GET',
        methodResponses: ok,
        integration: {
          Type: 'MOCK',
          IntegrationHttpMethod: 'POST',
          RequestTemplates: {
            'application/json': [
              '#set($paramName = "foo")',
              '#set($context.requestOverride.querystring[$paramName] = "bar")',
              '#set($paramPutName = "putfoo")',
              '$context.requestOverride.querystring.put($paramPutName, "putBar")',
              '#set($context["requestOverride"].querystring["nestedfoo"] = "nestedFoo")',
              '{ "statusCode": 200 }',
            ].join('\n'),
          },
          IntegrationResponses: [
            {
              StatusCode: '200',
              SelectionPattern: '2\\d{2}',
              ResponseTemplates: {
                'application/json': [
                  '#set($value = $context.requestOverride.querystring["foo"])',
                  '#set($value2 = $context.requestOverride.querystring["putfoo"])',
                  '#set($value3 = $context.requestOverride.querystring["nestedfoo"])',
                  '{ "value": "$value", "value2": "$value2", "value3": "$value3" }',
                ].join('\n'),
              },
            },
          ],
        },
      },
    ],
  }),
  mockPathParameter: api({
    stageName: 'dev',
    methods: [
      {
        path: '/{testPath}',
        httpMethod: 'GET',
        requestParameters: { 'method.request.path.testPath': true },
        methodResponses: ok,
        integration: {
          Type: 'MOCK',
          IntegrationHttpMethod: 'POST',
          RequestParameters: { 'integration.request.path.integrationPath': 'method.request.path.testPath' },
          RequestTemplates: { 'application/json': '{statusCode: 200}' },
          IntegrationResponses: [{ StatusCode: '200', SelectionPattern: '2\\d{2}', ResponseTemplates: {} }],
        },
      },
    ],
  }),
  routing: api({
    stageName: 'dev',
    methods: [
      {
        path: '/existing',
        httpMethod: 'GET',
        methodResponses: ok,
        integration: mockAnswering('{"statusCode": 200, "message": "exists"}'),
      },
    ],
  }),
  pathFormatting: api({
    stageName: 'dev',
    methods: Object.entries(PATH_FORMATTING_TEMPLATES).map(([path, template]) => ({
      path: `/${path}`,
      httpMethod: 'POST',
      methodResponses: ok,
      integration: custom('JsonEcho', {
        IntegrationResponses: [
          { StatusCode: '200', SelectionPattern: '', ResponseTemplates: { 'application/json': template } },
        ],
      }),
    })),
  }),
};
