/**
 * The API of the trace ID cases (`cases/trace-id.ts`).
 *
 * @module
 */
import { type ApiTemplates, api, mockAnswering, ok, proxy } from './api-builders.js';

export const TRACE_ID_APIS: ApiTemplates = {
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
};
