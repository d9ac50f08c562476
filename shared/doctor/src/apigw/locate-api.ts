/**
 * Which API of an assembly a URL belongs to, and the path it asks for within the stage.
 *
 * @module
 */
import type { ApiModel } from './api-model.js';
import { matchHttpRoute, matchRestResource } from './match-route.js';

/** An API, and where in it a URL points. */
export interface ApiLocation {
  /** The API. */
  readonly api: ApiModel;
  /** The stage the URL names (`$default` for an HTTP API's default stage). */
  readonly stage: string;
  /** The path within the stage, starting with `/`. */
  readonly path: string;
  /** How the doctor knows, in a few words, e.g. `the only API with this route`. */
  readonly how: string;
}

/**
 * The stage and path of a URL in an API, when its path can belong to it: a REST API's stage is the first
 * segment; an HTTP API's named stage is too, and its `$default` stage takes any path.
 */
export function stagePath(api: ApiModel, url: URL): { stage: string; path: string } | undefined {
  const [, first = '', ...rest] = url.pathname.split('/');
  const stage = decodeURIComponent(first);
  if (api.stages.includes(stage) && stage !== '$default') return { stage, path: `/${rest.join('/')}` };
  if (api.kind === 'HTTP' && api.stages.includes('$default'))
    return { stage: '$default', path: url.pathname };
  return undefined;
}

/** Whether the request reaches a resource or route the API defines. */
function reachesSomething(api: ApiModel, method: string, path: string): boolean {
  return api.kind === 'REST'
    ? matchRestResource(api, path) !== undefined
    : matchHttpRoute(api, method, path) !== undefined;
}

/**
 * The API a URL belongs to among candidates.
 *
 * @param apis - the candidates
 * @param url - the URL fetched
 * @param method - the request's method (an HTTP API's routes are per method)
 * @param kind - `REST` or `HTTP` when the answers tell (`x-amzn-RequestId` or `apigw-requestid`)
 * @returns the location, or the reason none was chosen
 */
export function locateApi(
  apis: readonly ApiModel[],
  url: URL,
  method: string,
  kind: 'REST' | 'HTTP' | undefined,
): ApiLocation | { readonly unknown: string } {
  const fitting = apis
    .filter((api) => kind === undefined || api.kind === kind)
    .flatMap((api) => {
      const where = stagePath(api, url);
      return where === undefined ? [] : [{ api, ...where }];
    });
  if (fitting.length === 1)
    return { ...fitting[0]!, how: `the only ${kind ?? ''} API whose stage fits the URL`.replace('  ', ' ') };
  const reaching = fitting.filter((location) => reachesSomething(location.api, method, location.path));
  if (reaching.length === 1)
    return { ...reaching[0]!, how: 'the only API with a resource or route for this path' };
  if (fitting.length === 0) {
    return { unknown: `no API of the assembly has a stage that fits ${url.pathname}` };
  }
  const names = (reaching.length > 0 ? reaching : fitting)
    .map((location) => location.api.logicalId)
    .join(', ');
  return { unknown: `several APIs fit ${url.pathname} (${names}); name one with --api` };
}

/**
 * The location of a URL in a named API.
 * @returns the location, or why the URL does not fit it
 */
export function locateNamedApi(
  api: ApiModel,
  url: URL,
  how: string,
): ApiLocation | { readonly unknown: string } {
  const where = stagePath(api, url);
  if (where === undefined) {
    return {
      unknown: `${url.pathname} names none of the stages of ${api.logicalId} (${api.stages.join(', ')})`,
    };
  }
  return { api, ...where, how };
}
