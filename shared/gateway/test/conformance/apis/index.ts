/**
 * The APIs the recorded tests set up, one template each, built with the test helpers. Each is named after
 * what it holds; the stage names are the recorded ones, since the recordings show them in paths. The APIs
 * a module of `cases/` sends its requests to are in the module of the same name here.
 *
 * @module
 */
import type { ApiTemplates } from './api-builders.js';
import { BINARY_MEDIA_TYPE_APIS } from './binary-media-types.js';
import { HEADER_REMAPPING_APIS } from './header-remapping.js';
import { LAMBDA_CUSTOM_APIS } from './lambda-custom.js';
import { LAMBDA_PROXY_DATA_MAPPING_APIS } from './lambda-proxy-data-mapping.js';
import { LAMBDA_PROXY_EVENT_APIS } from './lambda-proxy-event.js';
import { LAMBDA_PROXY_RESPONSE_APIS } from './lambda-proxy-response.js';
import { MOCK_APIS } from './mock.js';
import { PATH_FORMATTING_APIS } from './path-formatting.js';
import { REQUEST_VALIDATION_APIS } from './request-validation.js';
import { ROUTING_APIS } from './routing.js';
import { TRACE_ID_APIS } from './trace-id.js';

/** Every API of the suite, by name. */
export const APIS: ApiTemplates = {
  ...LAMBDA_PROXY_EVENT_APIS,
  ...LAMBDA_PROXY_DATA_MAPPING_APIS,
  ...LAMBDA_PROXY_RESPONSE_APIS,
  ...REQUEST_VALIDATION_APIS,
  ...BINARY_MEDIA_TYPE_APIS,
  ...HEADER_REMAPPING_APIS,
  ...TRACE_ID_APIS,
  ...LAMBDA_CUSTOM_APIS,
  ...MOCK_APIS,
  ...ROUTING_APIS,
  ...PATH_FORMATTING_APIS,
};
