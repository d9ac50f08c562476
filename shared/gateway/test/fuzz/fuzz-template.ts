import { API_ROLE, dynamoDbActionUri, itemsTable } from '../services/fixtures.js';
import { lambdaProxyIntegration, restApiTemplate, type TestFunction } from '../support/rest-template.js';

/**
 * A function that does whatever the request asks through `?mode=`: echo hostile headers and statuses from
 * the query (`name`, `value`, `status`), throw, reject late, exit, return 7 MB, fill its memory or hang.
 */
const chaos = `
const pick = (event) => event.queryStringParameters ?? event.query ?? {};
exports.handler = async (event) => {
  const q = pick(event);
  switch (q.mode) {
    case 'throw': throw new Error('thrown on purpose');
    case 'reject-late': setTimeout(() => Promise.reject(new Error('late rejection')), 5); break;
    case 'throw-late': setTimeout(() => { throw new Error('late exception'); }, 5); break;
    case 'exit': process.exit(3);
    case 'big': return { statusCode: 200, body: 'a'.repeat(7 * 1024 * 1024) };
    case 'oom': { const kept = []; for (;;) kept.push(Buffer.alloc(8 * 1024 * 1024, 1)); }
    case 'hang': return new Promise(() => {});
    case 'raw': return q.value;
  }
  const headers = { [q.name ?? 'x-value']: q.value ?? '' };
  return { statusCode: q.status === undefined ? 200 : Number.isNaN(Number(q.status)) ? q.status : Number(q.status), headers, body: q.body ?? 'ok' };
};`;

/** A function for a non-proxy integration: it returns the event's `header` and `status` for the template. */
const custom = `exports.handler = async (event) => ({ header: String(event.v ?? ''), status: event.s ?? '200' });`;

const functions: Record<string, TestFunction> = {
  Chaos: { code: chaos, timeout: 1 },
  Custom: { code: custom },
};

const overrideTemplate = `#set($context.responseOverride.header.X-Echo = $input.params('v'))#if($input.params('s') != '')#set($context.responseOverride.status = $input.params('s'))#end{"v":"$util.escapeJavaScript($input.params('v'))"}`;

/**
 * The template the fuzz run serves: a REST API with every integration kind the gateway has (`MOCK` with
 * response overrides fed from the query, a static `Trailer` parameter, `AWS_PROXY` Lambda, `AWS` Lambda
 * whose template copies the function's output into a header and the status, an `AWS` DynamoDB action) and
 * an HTTP API with payload 1.0 and 2.0 routes, all to the same chaotic functions.
 */
export function fuzzTemplate(): Record<string, unknown> {
  return restApiTemplate({
    functions,
    methods: [
      {
        path: '/mock',
        httpMethod: 'ANY',
        integration: {
          Type: 'MOCK',
          RequestTemplates: { 'application/json': '{"statusCode": 200}' },
          IntegrationResponses: [
            { StatusCode: '200', ResponseTemplates: { 'application/json': overrideTemplate } },
          ],
        },
        methodResponses: [{ StatusCode: '200' }],
      },
      {
        path: '/trailer',
        httpMethod: 'GET',
        integration: {
          Type: 'MOCK',
          RequestTemplates: { 'application/json': '{"statusCode": 200}' },
          IntegrationResponses: [
            { StatusCode: '200', ResponseParameters: { 'method.response.header.Trailer': "'Expires'" } },
          ],
        },
        methodResponses: [
          { StatusCode: '200', ResponseParameters: { 'method.response.header.Trailer': true } },
        ],
      },
      { path: '/proxy/{proxy+}', httpMethod: 'ANY', integration: lambdaProxyIntegration('Chaos') },
      {
        path: '/custom',
        httpMethod: 'GET',
        integration: {
          ...lambdaProxyIntegration('Custom'),
          Type: 'AWS',
          RequestTemplates: {
            'application/json': `{"v":"$util.escapeJavaScript($input.params('v'))","s":"$util.escapeJavaScript($input.params('s'))"}`,
          },
          IntegrationResponses: [
            {
              StatusCode: '200',
              ResponseTemplates: {
                'application/json': `#set($context.responseOverride.header.X-Echo = $input.path('$.header'))#set($context.responseOverride.status = $input.path('$.status'))done`,
              },
            },
          ],
        },
        methodResponses: [{ StatusCode: '200' }],
      },
      {
        path: '/items',
        httpMethod: 'GET',
        integration: {
          Type: 'AWS',
          IntegrationHttpMethod: 'POST',
          Uri: dynamoDbActionUri('Scan'),
          Credentials: { 'Fn::GetAtt': ['ApiRole', 'Arn'] },
          RequestTemplates: {
            'application/json': { 'Fn::Join': ['', ['{"TableName":"', { Ref: 'Items' }, '"}']] },
          },
          IntegrationResponses: [
            { StatusCode: '200', ResponseTemplates: { 'application/json': overrideTemplate } },
          ],
        },
        methodResponses: [{ StatusCode: '200' }],
      },
    ],
    extraResources: { ...httpApi(), Items: itemsTable(), ApiRole: API_ROLE },
  });
}

/** An HTTP API whose `/v1/…` and `/v2/…` routes invoke the chaotic function with payload 1.0 and 2.0. */
function httpApi(): Record<string, unknown> {
  const apiId = { Ref: 'HttpApi' };
  const resources: Record<string, unknown> = {
    HttpApi: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'HttpApi', ProtocolType: 'HTTP' } },
    HttpStage: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: apiId, StageName: '$default', AutoDeploy: true },
    },
  };
  for (const version of ['1.0', '2.0']) {
    const name = `V${version[0]}`;
    resources[`HttpIntegration${name}`] = {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: apiId,
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': ['Chaos', 'Arn'] },
        PayloadFormatVersion: version,
      },
    };
    resources[`HttpRoute${name}`] = {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: apiId,
        AuthorizationType: 'NONE',
        RouteKey: `ANY /v${version[0]}/{proxy+}`,
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: `HttpIntegration${name}` }]] },
      },
    };
  }
  return resources;
}
