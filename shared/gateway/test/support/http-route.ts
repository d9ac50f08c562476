import type { HttpRoute } from '../../src/http/http-api-model.js';
import { parseRouteKey, type RouteKey } from '../../src/http/route-key.js';

/** An HTTP API route with the route key `text` (e.g. `GET /items/{id}`), its logical ID and ID alike. */
export function route(text: string): HttpRoute {
  return {
    logicalId: text,
    routeId: text,
    key: parseRouteKey(text) as RouteKey,
    integration: undefined as never,
  };
}
