/**
 * The API of the `$input.path` rendering cases (`cases/path-formatting.ts`), and its templates.
 *
 * @module
 */
import { type ApiTemplates, api, custom, ok } from './api-builders.js';

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

export const PATH_FORMATTING_APIS: ApiTemplates = {
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
