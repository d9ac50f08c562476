import type { RecordedSource, RequestCase } from '../conformance-case.js';
import { pythonJson, requestsHeaders } from '../recorded-client.js';

const recorded = (key: string): RecordedSource => ({
  test: 'test_apigateway_common.py::TestApiGatewayCommon::test_input_path_template_formatting',
  key,
  validated: '2025-06-18',
});

/**
 * The recorded backend echoed the posted JSON under `json`; the response templates render parts of it
 * with `$input.path`. Here an `AWS` Lambda integration does the same (`JsonEcho`).
 */
const post = (key: string, name: string, path: string, json: unknown, rendered: string): RequestCase => {
  const text = json === undefined ? undefined : pythonJson(json);
  return {
    kind: 'request',
    name,
    source: recorded(key),
    api: 'pathFormatting',
    request: {
      method: 'POST',
      target: `/{stage}/${path}`,
      headers: requestsHeaders([], { method: 'POST', text, json: text !== undefined }),
      ...(text === undefined ? {} : { body: text }),
    },
    expect: { status: 200, body: { text: rendered } },
  };
};

export const PATH_FORMATTING_CASES: readonly RequestCase[] = [
  post(
    'dict-response',
    'an object from $input.path renders as Java prints a map',
    'path',
    { foo: 'bar' },
    '{foo=bar}',
  ),
  post(
    'json-list',
    'a list from $input.path renders as compact JSON',
    'path',
    [{ foo: 'bar' }],
    '[{"foo":"bar"}]',
  ),
  post('nested-dict', 'a nested object renders as a map', 'nested', { nested: { foo: 'bar' } }, '{foo=bar}'),
  post(
    'nested-list',
    'a nested list renders as compact JSON',
    'nested',
    { nested: [{ foo: 'bar' }] },
    '[{"foo":"bar"}]',
  ),
  post('dict-in-list', 'an object taken from a list renders as a map', 'list', [{ foo: 'bar' }], '{foo=bar}'),
  post(
    'list-with-nested-list',
    'a list taken from a list renders as compact JSON',
    'list',
    [[{ foo: 'bar' }]],
    '[{"foo":"bar"}]',
  ),
  post(
    'dict-with-nested-list',
    'a map holding a list renders the list as JSON inside the map',
    'path',
    { foo: [{ nested: 'bar' }] },
    '{foo=[{"nested":"bar"}]}',
  ),
  post(
    'bigger-dict',
    'a map with several entries separates them with a comma and a space',
    'path',
    { bigger: 'dict', to: 'test', with: 'separators' },
    '{bigger=dict, to=test, with=separators}',
  ),
  post('to-string', 'toString() of an object renders the map form', 'to-string', { foo: 'bar' }, '{foo=bar}'),
  post(
    'list-to-string',
    'toString() of a map holding a list renders the list as JSON',
    'to-string',
    { list: [{ foo: 'bar' }] },
    '{list=[{"foo":"bar"}]}',
  ),
  post(
    'empty-body',
    'a path that is not there renders empty and equals both $null and ""',
    'invalid-path',
    undefined,
    '{"body": , "nested": , "isNull": "true", "isEmptyString": "true"}',
  ),
  post(
    'nested-empty-list',
    'an empty list renders [] and is neither null nor ""',
    'nested-list',
    { listValue: [] },
    '{"body": [], "nested": , "isNull": "false", "isEmptyString": "false"}',
  ),
  post(
    'nested-null-list',
    'a null renders empty and equals both $null and ""',
    'nested-list',
    { listValue: null },
    '{"body": , "nested": , "isNull": "true", "isEmptyString": "true"}',
  ),
];
