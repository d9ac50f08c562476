/**
 * Which resource and method of a REST API, or which route of an HTTP API, a request reaches: literal path
 * parts win over `{param}`, which wins over a greedy `{proxy+}`; an exact method wins over `ANY`.
 *
 * @module
 */
import type { HttpApiModel, HttpRouteModel, RestApiModel, RestMethodModel } from './api-model.js';

/**
 * How well a path template fits a path, as a list to compare left to right; `undefined` when it does not.
 * @param template - e.g. `/items/{id}` or `/{proxy+}`
 * @param path - e.g. `/items/42`
 */
export function fitPath(template: string, path: string): number[] | undefined {
  const parts = template.split('/').filter((part) => part !== '');
  const segments = path.split('/').filter((segment) => segment !== '');
  const score: number[] = [];
  for (const [index, part] of parts.entries()) {
    if (/^\{.+\+\}$/.test(part)) {
      return index === parts.length - 1 && segments.length > index ? [...score, 1] : undefined;
    }
    const segment = segments[index];
    if (segment === undefined) return undefined;
    if (/^\{.+\}$/.test(part)) score.push(2);
    else if (part === segment) score.push(3);
    else return undefined;
  }
  return segments.length === parts.length ? score : undefined;
}

function better(a: number[], b: number[]): boolean {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const left = a[index] ?? 0;
    const right = b[index] ?? 0;
    if (left !== right) return left > right;
  }
  return false;
}

/**
 * The resource path of a REST API that a path (after the stage) reaches.
 * @returns the resource's path template, or `undefined` when no resource fits (API Gateway answers 403)
 */
export function matchRestResource(api: RestApiModel, path: string): string | undefined {
  let best: { path: string; score: number[] } | undefined;
  for (const template of api.resourcePaths) {
    const score = fitPath(template, path);
    if (score !== undefined && (best === undefined || better(score, best.score)))
      best = { path: template, score };
  }
  return best?.path;
}

/** The method of a resource that answers a request method: the exact one, else `ANY`. */
export function matchRestMethod(
  api: RestApiModel,
  resourcePath: string,
  method: string,
): RestMethodModel | undefined {
  const methods = api.methods.filter((candidate) => candidate.resourcePath === resourcePath);
  return (
    methods.find((candidate) => candidate.httpMethod === method.toUpperCase()) ??
    methods.find((candidate) => candidate.httpMethod === 'ANY')
  );
}

/** The route of an HTTP API a request reaches: exact method and path, then `ANY`, then `$default`. */
export function matchHttpRoute(api: HttpApiModel, method: string, path: string): HttpRouteModel | undefined {
  let best: { route: HttpRouteModel; score: number[] } | undefined;
  for (const route of api.routes) {
    const [routeMethod, template] = route.routeKey.split(' ');
    if (template === undefined) continue;
    if (routeMethod !== method.toUpperCase() && routeMethod !== 'ANY') continue;
    const fit = fitPath(template, path);
    if (fit === undefined) continue;
    const score = [...fit, routeMethod === 'ANY' ? 0 : 1];
    if (best === undefined || better(score, best.score)) best = { route, score };
  }
  return best?.route ?? api.routes.find((route) => route.routeKey === '$default');
}
