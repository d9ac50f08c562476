/**
 * The API of the routing cases (`cases/routing.ts`).
 *
 * @module
 */
import { type ApiTemplates, api, mockAnswering, ok } from './api-builders.js';

export const ROUTING_APIS: ApiTemplates = {
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
};
