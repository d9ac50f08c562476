/**
 * The API of the Lambda proxy request data mapping case (`cases/lambda-proxy-data-mapping.ts`).
 *
 * @module
 */
import { type ApiTemplates, api, proxy } from './api-builders.js';

export const LAMBDA_PROXY_DATA_MAPPING_APIS: ApiTemplates = {
  proxyDataMapping: api({
    stageName: 'test',
    methods: [
      {
        path: '/{pathVariable}',
        httpMethod: 'ANY',
        requestParameters: {
          'method.request.header.foobar': true,
          'method.request.querystring.testVar': true,
          'method.request.path.pathVariable': true,
          'method.request.querystring.testQueryString': true,
          'method.request.header.emptyheader': true,
        },
        integration: proxy('ProxyEcho', {
          RequestParameters: {
            'integration.request.header.headerVar': 'method.request.header.foobar',
            'integration.request.path.qsVar': 'method.request.querystring.testVar',
            'integration.request.path.pathVar': 'method.request.path.pathVariable',
            'integration.request.querystring.queryString': 'method.request.querystring.testQueryString',
            'integration.request.querystring.testQs': 'method.request.querystring.testQueryString',
            'integration.request.querystring.testEmptyQs': 'method.request.header.emptyheader',
          },
        }),
      },
    ],
  }),
};
