/**
 * The APIs of the binary media type cases (`cases/binary-media-types.ts`).
 *
 * @module
 */
import { type ApiTemplates, api, proxy } from './api-builders.js';

export const BINARY_MEDIA_TYPE_APIS: ApiTemplates = {
  binaryNone: api({
    stageName: 'test',
    methods: [{ path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ResultFromBody') }],
  }),
  binaryPngStarTest: api({
    stageName: 'test2',
    binaryMediaTypes: ['image/png', '*/test'],
    methods: [{ path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ResultFromBody') }],
  }),
  binaryPngAppJpg: api({
    stageName: 'test3',
    binaryMediaTypes: ['image/png', 'application/*', 'image/jpg'],
    methods: [{ path: '/{proxy+}', httpMethod: 'ANY', integration: proxy('ResultFromBody') }],
  }),
};
