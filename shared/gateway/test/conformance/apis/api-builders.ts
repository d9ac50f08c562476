/**
 * The helpers the APIs of the suite are built with: integrations of the suite's functions, and the
 * one-API template of `restApiTemplate` with those functions.
 *
 * @module
 */
import { lambdaProxyIntegration, restApiTemplate } from '../../support/rest-template.js';
import { FUNCTIONS, type FunctionId } from '../functions.js';

/** APIs by name, each a one-API template. */
export type ApiTemplates = Readonly<Record<string, Record<string, unknown>>>;

const lambdaUri = (fn: FunctionId) => (lambdaProxyIntegration(fn) as { Uri: unknown }).Uri;

/** An `AWS_PROXY` integration of `fn` with extra properties. */
export const proxy = (fn: FunctionId, extra: Record<string, unknown> = {}) => ({
  ...lambdaProxyIntegration(fn),
  ...extra,
});

/** An `AWS` (custom) Lambda integration of `fn`. */
export const custom = (fn: FunctionId, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS',
  IntegrationHttpMethod: 'POST',
  Uri: lambdaUri(fn),
  ...extra,
});

/** The method and integration responses of a plain 200. */
export const ok = [{ StatusCode: '200' }];

/** A one-API template with the suite's functions. */
export const api = (options: Parameters<typeof restApiTemplate>[0]) =>
  restApiTemplate({ functions: FUNCTIONS, ...options });

const MOCK_200 = { Type: 'MOCK', RequestTemplates: { 'application/json': '{"statusCode": 200}' } };

/** A MOCK answering 200 with `body` as its response template. */
export const mockAnswering = (body: string) => ({
  ...MOCK_200,
  IntegrationResponses: [
    { StatusCode: '200', SelectionPattern: '', ResponseTemplates: { 'application/json': body } },
  ],
});
