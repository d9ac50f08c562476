/**
 * The API of the Lambda proxy event cases (`cases/lambda-proxy-event.ts`).
 *
 * @module
 */
import { type ApiTemplates, api, proxy } from './api-builders.js';

export const LAMBDA_PROXY_EVENT_APIS: ApiTemplates = {
  proxyEcho: api({
    stageName: 'stage',
    methods: [
      { path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ProxyEcho') },
      { path: '/hardcoded', httpMethod: 'ANY', integration: proxy('ProxyEcho') },
    ],
  }),
};
