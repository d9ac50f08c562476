/**
 * The REST API the pipeline tests serve: CDK's preflight (a MOCK integration) on `/`, and a Lambda proxy
 * method for each function, whose code answers as a test needs (an ES module and a CommonJS bundle among
 * them).
 *
 * @module
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lambdaProxyIntegration, restApiTemplate } from './rest-template.js';
import { serveTemplate } from './serve.js';

const CDK_PREFLIGHT = {
  Type: 'MOCK',
  RequestTemplates: { 'application/json': '{ statusCode: 200 }' },
  IntegrationResponses: [
    {
      StatusCode: '204',
      ResponseParameters: {
        'method.response.header.Access-Control-Allow-Headers':
          "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'",
        'method.response.header.Access-Control-Allow-Origin': "'*'",
        'method.response.header.Access-Control-Allow-Methods': "'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'",
      },
    },
  ],
};
const CDK_PREFLIGHT_RESPONSES = [
  {
    StatusCode: '204',
    ResponseParameters: {
      'method.response.header.Access-Control-Allow-Headers': true,
      'method.response.header.Access-Control-Allow-Origin': true,
      'method.response.header.Access-Control-Allow-Methods': true,
    },
  },
];

const esmDir = mkdtempSync(join(tmpdir(), 'gateway-esm-'));
writeFileSync(
  join(esmDir, 'index.mjs'),
  `export const handler = async () => ({ statusCode: 200, body: JSON.stringify({ module: typeof require }) });`,
);

// A CommonJS bundle inside a "type": "module" package, as `cdk.out` sits inside an ESM chapter.
const esmPackage = mkdtempSync(join(tmpdir(), 'gateway-esm-package-'));
writeFileSync(join(esmPackage, 'package.json'), '{"type":"module"}');
const cjsDir = join(esmPackage, 'asset.cjs');
mkdirSync(cjsDir);
writeFileSync(join(cjsDir, 'index.js'), `exports.handler = async () => ({ body: typeof module });`);

const functions = {
  Echo: {
    code: `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });`,
  },
  Shapes: {
    code: `exports.handler = async (event) => JSON.parse(event.body);`,
  },
  Thrower: { code: `exports.handler = async () => { throw new Error('boom'); };` },
  Hanger: { code: `exports.handler = () => new Promise(() => {});`, timeout: 1 },
  Spinner: { code: `exports.handler = async () => { for (;;) {} };`, timeout: 1 },
  Crasher: { code: `exports.handler = async () => { process.exit(3); };` },
  Env: {
    code: `exports.handler = async () => { console.log('table is', process.env.TABLE); return { body: process.env.TABLE + ' ' + process.env.AWS_LAMBDA_FUNCTION_NAME }; };`,
    environment: { TABLE: 'items' },
  },
  Esm: { assetPath: esmDir, handler: 'index.handler' },
  Cjs: { assetPath: cjsDir, handler: 'index.handler' },
  Counter: {
    code: `let calls = 0; exports.handler = async () => ({ body: String(++calls) });`,
  },
};

/** Serves the API on a free port for the rest of the test file; returns its URL (with its stage) and log. */
export function serveRestPipelineApi(): Promise<{ url: string; log: string[] }> {
  return serveTemplate(
    restApiTemplate({
      functions,
      methods: [
        {
          path: '/',
          httpMethod: 'OPTIONS',
          integration: CDK_PREFLIGHT,
          methodResponses: CDK_PREFLIGHT_RESPONSES,
        },
        { path: '/', httpMethod: 'GET', integration: lambdaProxyIntegration('Echo') },
        { path: '/items/{id}', httpMethod: 'GET', integration: lambdaProxyIntegration('Echo') },
        { path: '/files/{proxy+}', httpMethod: 'ANY', integration: lambdaProxyIntegration('Echo') },
        { path: '/shapes', httpMethod: 'POST', integration: lambdaProxyIntegration('Shapes') },
        { path: '/throw', httpMethod: 'GET', integration: lambdaProxyIntegration('Thrower') },
        { path: '/hang', httpMethod: 'GET', integration: lambdaProxyIntegration('Hanger') },
        { path: '/spin', httpMethod: 'GET', integration: lambdaProxyIntegration('Spinner') },
        { path: '/crash', httpMethod: 'GET', integration: lambdaProxyIntegration('Crasher') },
        { path: '/env', httpMethod: 'GET', integration: lambdaProxyIntegration('Env') },
        { path: '/esm', httpMethod: 'GET', integration: lambdaProxyIntegration('Esm') },
        { path: '/cjs', httpMethod: 'GET', integration: lambdaProxyIntegration('Cjs') },
        { path: '/counter', httpMethod: 'GET', integration: lambdaProxyIntegration('Counter') },
      ],
    }),
  );
}
