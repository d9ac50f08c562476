import type { RecordedSource, RequestCase } from '../conformance-case.js';
import { requestsHeaders } from '../recorded-client.js';

const integrations = (test: string, key: string, validated: string): RecordedSource => ({
  test: `test_apigateway_integrations.py::${test}`,
  key,
  validated,
});

const get = (target: string) => ({ method: 'GET', target, headers: requestsHeaders() });

const PASSTHROUGH_VALIDATED: Record<string, Record<string, string>> = {
  WHEN_NO_MATCH: { GET: '2024-05-30', POST: '2024-05-30' },
  NEVER: { GET: '2024-05-30', POST: '2024-05-30' },
  WHEN_NO_TEMPLATES: { GET: '2024-05-30', POST: '2024-05-30' },
};

const API_OF: Record<string, string> = {
  WHEN_NO_MATCH: 'mockWhenNoMatch',
  NEVER: 'mockNever',
  WHEN_NO_TEMPLATES: 'mockWhenNoTemplates',
};

const passthroughCases: RequestCase[] = Object.entries(PASSTHROUGH_VALIDATED).flatMap(
  ([behavior, byMethod]) =>
    Object.entries(byMethod).map(([method, validated]) => ({
      kind: 'request' as const,
      name: `a MOCK with passthrough behaviour ${behavior} renders its templates for a ${method} with Content-Type application/json, $input.params().path reading the path`,
      source: {
        test: `test_apigateway_basic.py::TestIntegrations::test_mock_integration_response[${behavior}-UrlType.PATH_BASED-${method}]`,
        key: 'mock-response',
        validated,
      },
      api: API_OF[behavior]!,
      request: {
        method,
        target: '/{stage}/42',
        headers: requestsHeaders([['Content-Type', 'application/json']], { method }),
      },
      expect: { status: 200, body: { json: { statusCode: 200, id: 42 } } },
    })),
);

const pathData = (message: string) => Buffer.from(JSON.stringify({ message })).toString('base64');

export const MOCK_CASES: readonly RequestCase[] = [
  ...passthroughCases,
  ...(
    [
      ['invoke-path1', 'path1', 'path was path one'],
      ['invoke-path2', 'path2', 'path was path two'],
      ['invoke-path-else', 'whatever', 'this is the else clause'],
    ] as const
  ).map(
    ([key, message, response]): RequestCase => ({
      kind: 'request',
      name: `$context.requestOverride.path set by a MOCK request template is read by its response template (${message})`,
      source: integrations(
        'test_integration_mock_with_request_overrides_in_response_template',
        key,
        '2024-11-06',
      ),
      api: 'mockRequestOverride',
      request: get(`/{stage}/${pathData(message)}`),
      expect: { status: 200, body: { json: { response } } },
    }),
  ),
  {
    kind: 'request',
    name: 'a status and header override set by a MOCK request template apply, and the response template reads them',
    source: integrations(
      'test_integration_mock_with_response_override_in_request_template[True]',
      'response',
      '2025-05-16',
    ),
    api: 'mockResponseOverrideTemplate',
    request: get('/{stage}/'),
    expect: {
      status: 444,
      headers: { foo: 'bar' },
      body: { json: { custom: 'is also passed around', fooHeader: 'bar', statusOverride: '444' } },
    },
  },
  {
    kind: 'request',
    name: 'a status and header override set by a MOCK request template apply without a response template, with an empty body',
    source: integrations(
      'test_integration_mock_with_response_override_in_request_template[False]',
      'response',
      '2025-05-16',
    ),
    api: 'mockResponseOverrideNoTemplate',
    request: get('/{stage}/'),
    expect: { status: 444, headers: { foo: 'bar' }, body: { text: '' } },
  },
  {
    kind: 'request',
    name: 'map entries of $context.requestOverride are assigned with [$key], put() and through $context["requestOverride"]',
    source: integrations('test_integration_mock_with_vtl_map_assignation', 'response', '2025-05-29'),
    api: 'mockMapAssignment',
    request: get('/{stage}/'),
    expect: { status: 200, body: { json: { value: 'bar', value2: 'putBar', value3: 'nestedFoo' } } },
  },
  {
    kind: 'request',
    name: "a MOCK with path request parameters and CDK's relaxed { statusCode: 200 } answers 200 with an empty body",
    source: integrations(
      'test_integration_mock_with_path_param',
      'assert: status 200, content b""',
      '2024-11-29',
    ),
    api: 'mockPathParameter',
    request: get('/{stage}/test-path'),
    expect: { status: 200, body: { text: '' } },
  },
];
