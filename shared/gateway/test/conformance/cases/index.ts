import type { LoadCase, RequestCase } from '../conformance-case.js';
import { BINARY_MEDIA_TYPE_CASES } from './binary-media-types.js';
import { HEADER_REMAPPING_CASES } from './header-remapping.js';
import { LAMBDA_CUSTOM_CASES } from './lambda-custom.js';
import { LAMBDA_PROXY_DATA_MAPPING_CASES } from './lambda-proxy-data-mapping.js';
import { LAMBDA_PROXY_EVENT_CASES } from './lambda-proxy-event.js';
import { LAMBDA_PROXY_RESPONSE_CASES } from './lambda-proxy-response.js';
import { LOAD_VALIDATION_CASES } from './load-validation.js';
import { MOCK_CASES } from './mock.js';
import { PATH_FORMATTING_CASES } from './path-formatting.js';
import { REQUEST_VALIDATION_CASES } from './request-validation.js';
import { ROUTING_CASES } from './routing.js';
import { TRACE_ID_CASES } from './trace-id.js';

/** Every exchange of the suite, by area. */
export const REQUEST_CASES: Readonly<Record<string, readonly RequestCase[]>> = {
  'the Lambda proxy event': [...LAMBDA_PROXY_EVENT_CASES, ...LAMBDA_PROXY_DATA_MAPPING_CASES],
  'the Lambda proxy response': LAMBDA_PROXY_RESPONSE_CASES,
  'binary media types': BINARY_MEDIA_TYPE_CASES,
  'header remapping and withholding': HEADER_REMAPPING_CASES,
  'trace IDs': TRACE_ID_CASES,
  'AWS (custom) Lambda integrations': LAMBDA_CUSTOM_CASES,
  'MOCK integrations': MOCK_CASES,
  'rendering of $input.path': PATH_FORMATTING_CASES,
  routing: ROUTING_CASES,
  'request validation': REQUEST_VALIDATION_CASES,
};

/** Every template of the suite. */
export const LOAD_CASES: readonly LoadCase[] = LOAD_VALIDATION_CASES;
