/**
 * The functions and the article's method of the tests of REST `AWS` (non-proxy) Lambda integrations.
 *
 * @module
 */
import { allowOrigin, declaresAllowOrigin } from './allow-origin-parameters.js';
import { lambdaProxyIntegration, type TestMethod } from './rest-template.js';

/** An `AWS` (non-proxy) Lambda integration of `functionLogicalId` with the given extra properties. */
export function lambdaCustom(
  functionLogicalId: string,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  return { ...lambdaProxyIntegration(functionLogicalId), Type: 'AWS', ...extra };
}

/** The functions: one returning its input, one throwing an error, one returning its event. */
export const functions = {
  CustomFn: { code: `exports.handler = async (event) => event.input;` },
  Failing: {
    code: `exports.handler = async (event) => { throw new Error('[BadRequest] no ' + event.what); };`,
  },
  Raw: { code: `exports.handler = async (event) => event;` },
};

/** The article's GET method: a custom integration of `CustomFn`, with a request and a response template. */
export const articleMethod: TestMethod = {
  path: '/',
  httpMethod: 'GET',
  integration: lambdaCustom('CustomFn', {
    PassthroughBehavior: 'NEVER',
    RequestTemplates: { 'application/json': '{"input":"this is the input"}' },
    IntegrationResponses: [
      {
        StatusCode: '200',
        ResponseParameters: allowOrigin,
        ResponseTemplates: {
          'application/json': '{"message":{"output":"$util.parseJson($input.body)"},"state":"ok"}',
        },
      },
    ],
  }),
  methodResponses: [{ StatusCode: '200', ResponseParameters: declaresAllowOrigin }],
};
