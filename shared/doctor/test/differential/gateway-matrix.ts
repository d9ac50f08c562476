/**
 * The local gateway's side of the differential matrix: calls to the fixture app's APIs, each a `fetch()` a
 * page could make, from an origin the APIs list (`http://localhost:5173`) or one they do not.
 */
import type { MatrixRequest } from './plain-matrix.js';

/** One call to an API of the fixture. */
export interface GatewayCase {
  readonly id: string;
  /** The API's logical ID. */
  readonly api: string;
  /** The path under the API's invoke URL, without a leading `/`. */
  readonly path: string;
  readonly origin: string;
  readonly request: MatrixRequest;
}

export const LISTED = 'http://localhost:5173';
export const UNLISTED = 'http://localhost:3000';

const JSON_PUT = { method: 'PUT', headers: [['Content-Type', 'application/json']] as const, body: '{"a":1}' };
const JSON_POST = {
  method: 'POST',
  headers: [['Content-Type', 'application/json']] as const,
  body: '{"a":1}',
};

const SHOP = 'ShopRestApiC45F830D';
const ERRORS = 'ErrorsRestApi40436026';
const OPEN_HTTP = 'OpenHttpApiE17668AD';
const LISTED_HTTP = 'ListedHttpApi1FAA31F8';
const BARE_HTTP = 'BareHttpApi187E1145';

type Row = [api: string, path: string, origin: string, request: Omit<MatrixRequest, 'id'>, id: string];

const ROWS: Row[] = [
  [SHOP, '', UNLISTED, {}, 'function sends *'],
  [SHOP, '', UNLISTED, { credentials: 'include' }, 'function sends * to a credentialed call'],
  [SHOP, '', UNLISTED, JSON_PUT, 'CDK preflight, function without CORS headers'],
  [SHOP, '', UNLISTED, { headers: [['X-Trace', '1']] }, 'header outside CDK defaults'],
  [SHOP, '', UNLISTED, { headers: [['X-Api-Key', 'k']] }, 'header among CDK defaults'],
  [SHOP, 'missing', UNLISTED, { method: 'DELETE' }, 'preflight of a missing resource'],
  [SHOP, 'missing', UNLISTED, {}, 'GET of a missing resource'],
  [SHOP, 'items', LISTED, {}, 'function echoes a listed origin'],
  [SHOP, 'items', UNLISTED, {}, 'function ignores an unlisted origin'],
  [SHOP, 'items', LISTED, { credentials: 'include' }, 'credentialed GET of a listed origin'],
  [SHOP, 'items', LISTED, { ...JSON_POST, credentials: 'include' }, 'multi-origin preflight echoes'],
  [SHOP, 'items', UNLISTED, JSON_POST, 'multi-origin preflight answers the first origin'],
  [SHOP, 'items', LISTED, { method: 'PUT' }, 'method outside allowMethods'],
  [SHOP, 'items', LISTED, { headers: [['X-Api-Key', 'k']] }, 'header outside allowHeaders'],
  [SHOP, 'items', LISTED, { readHeaders: ['x-request-id'] }, 'reading an unexposed header'],
  [SHOP, 'status', LISTED, {}, 'MOCK with a mapped origin'],
  [SHOP, 'status', UNLISTED, {}, 'MOCK mapping another origin'],
  [SHOP, 'status', LISTED, { credentials: 'include' }, 'MOCK without Allow-Credentials'],
  [SHOP, 'status', LISTED, { readHeaders: ['content-type'] }, 'reading a safelisted header'],
  [ERRORS, '', UNLISTED, {}, 'failing function, DEFAULT_5XX for another origin'],
  [ERRORS, '', LISTED, {}, 'failing function, DEFAULT_5XX for this origin'],
  [ERRORS, 'nothing', UNLISTED, {}, 'missing resource, DEFAULT_4XX with *'],
  [ERRORS, 'nothing', UNLISTED, { credentials: 'include' }, 'missing resource, credentialed'],
  [ERRORS, 'plain', UNLISTED, JSON_PUT, 'no preflight method, DEFAULT_4XX with *'],
  [ERRORS, 'plain', UNLISTED, {}, 'function without CORS headers'],
  [OPEN_HTTP, '', UNLISTED, {}, 'CorsConfiguration for every origin'],
  [OPEN_HTTP, '', UNLISTED, JSON_PUT, 'auto-preflight for a JSON PUT'],
  [OPEN_HTTP, '', UNLISTED, { headers: [['X-Trace', '1']] }, 'header outside AllowHeaders'],
  [OPEN_HTTP, '', UNLISTED, { credentials: 'include' }, 'credentials with *'],
  [OPEN_HTTP, 'nothing', UNLISTED, {}, 'no route'],
  [OPEN_HTTP, '', UNLISTED, { method: 'PATCH' }, 'preflight passes, no PATCH route'],
  [LISTED_HTTP, 'profile', LISTED, { credentials: 'include' }, 'listed origin with credentials'],
  [LISTED_HTTP, 'profile', UNLISTED, {}, 'unlisted origin, simple GET'],
  [LISTED_HTTP, 'profile', UNLISTED, JSON_POST, 'unlisted origin, preflight'],
  [LISTED_HTTP, 'profile', LISTED, { method: 'PUT' }, 'method outside AllowMethods'],
  [
    LISTED_HTTP,
    'profile',
    LISTED,
    { readHeaders: ['x-trace-id', 'x-request-id'] },
    'reading an unexposed header',
  ],
  [
    LISTED_HTTP,
    'profile',
    LISTED,
    { headers: [['Authorization', 'Bearer t']], credentials: 'include' },
    'Authorization listed',
  ],
  [
    LISTED_HTTP,
    'profile',
    LISTED,
    { headers: [['X-Api-Key', 'k']], credentials: 'include' },
    'header outside AllowHeaders, credentialed',
  ],
  [BARE_HTTP, '', UNLISTED, {}, 'no CorsConfiguration, function sends *'],
  [BARE_HTTP, '', UNLISTED, JSON_PUT, 'no CorsConfiguration, preflight meets no route'],
  [BARE_HTTP, '', UNLISTED, { credentials: 'include' }, 'no CorsConfiguration, credentials'],
];

/** Every call of the gateway matrix. */
export const GATEWAY_CASES: readonly GatewayCase[] = ROWS.map(([api, path, origin, request, id]) => ({
  id: `${api.replace(/[0-9A-F]{8}$/, '')} /${path} from ${origin === LISTED ? 'a listed' : 'an unlisted'} origin: ${id}`,
  api,
  path,
  origin,
  request: { id, ...request },
}));
