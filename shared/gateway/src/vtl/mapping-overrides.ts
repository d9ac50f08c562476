import { putMapEntry } from './java-property-access.js';
import { createContextMap, isJavaMap, toJavaString } from './java-values.js';

/**
 * `$context.requestOverride` after a template ran: the integration request parameters it overrides.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
 */
export interface RequestOverride {
  /** `$context.requestOverride.path.<name>`. */
  readonly path: Readonly<Record<string, string>>;
  /** `$context.requestOverride.header.<name>`, names as the template wrote them. */
  readonly header: Readonly<Record<string, string>>;
  /** `$context.requestOverride.querystring.<name>`. */
  readonly querystring: Readonly<Record<string, string>>;
  /** Any other key a template set on `$context.requestOverride`; AWS passes them on to the next template. */
  readonly custom: Readonly<Record<string, unknown>>;
}

/**
 * `$context.responseOverride` after a template ran: the method response headers and status it overrides.
 * They apply without a `MethodResponse` declaring them.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
 */
export interface ResponseOverride {
  /** `$context.responseOverride.header.<name>`, names as the template wrote them. */
  readonly header: Readonly<Record<string, string>>;
  /**
   * `$context.responseOverride.status`, when it is an integer from 100 to 599; another value is ignored.
   * @default undefined - the integration response's status applies
   */
  readonly status: number | undefined;
  /** Any other key a template set on `$context.responseOverride`; AWS passes them on to the next template. */
  readonly custom: Readonly<Record<string, unknown>>;
}

/**
 * The override state that flows from the request template to the response template: pass the result of
 * one render as the input of the next.
 * @example
 * ```ts
 * const request = requestTemplate.render({ ...input, overrides: emptyOverrides() });
 * const response = responseTemplate.render({ ...input, body: integrationBody, overrides: request.overrides });
 * response.overrides.responseOverride.status; // e.g. 444, set by either template
 * ```
 */
export interface MappingOverrides {
  readonly requestOverride: RequestOverride;
  readonly responseOverride: ResponseOverride;
}

const NONE: Readonly<Record<string, never>> = Object.freeze({});
const EMPTY: MappingOverrides = Object.freeze({
  requestOverride: Object.freeze({ path: NONE, header: NONE, querystring: NONE, custom: NONE }),
  responseOverride: Object.freeze({ header: NONE, status: undefined, custom: NONE }),
});

/** The state before any template ran: nothing overridden. Returns a shared frozen object. */
export function emptyOverrides(): MappingOverrides {
  return EMPTY;
}

/**
 * A parameter a template overrides a second time. API Gateway allows one override per parameter in a
 * template and answers `5XX` otherwise.
 */
export class OverrideConflictError extends Error {
  override readonly name = 'OverrideConflictError';
}

/** `$context.requestOverride` and `$context.responseOverride` as one render sees and changes them. */
export interface OpenOverrides {
  readonly requestOverride: Record<string, unknown>;
  readonly responseOverride: Record<string, unknown>;
}

const WRITTEN = Symbol('parameters written in this render');
const LABEL = Symbol('reference of this map');
type TrackedTarget = Record<string | symbol, unknown>;

function recordWrite(target: TrackedTarget, key: string): void {
  let written = target[WRITTEN] as Set<string> | undefined;
  if (written === undefined) {
    written = new Set();
    Object.defineProperty(target, WRITTEN, { value: written });
  }
  if (written.has(key)) {
    throw new OverrideConflictError(
      `${String(target[LABEL])}.${key} is overridden twice; API Gateway allows one override per parameter`,
    );
  }
  written.add(key);
}

/** Tracks every entry of a parameter map (`header`, `path`, `querystring`). */
const PARAMETER_MAP: ProxyHandler<TrackedTarget> = {
  set(target, key, value) {
    if (typeof key === 'string') recordWrite(target, key);
    target[key] = value;
    return true;
  },
  defineProperty(target, key, descriptor) {
    if (typeof key === 'string') recordWrite(target, key);
    return Reflect.defineProperty(target, key, descriptor);
  },
};

/** Tracks `status` of `$context.responseOverride`. */
const RESPONSE_OVERRIDE: ProxyHandler<TrackedTarget> = {
  set(target, key, value) {
    if (key === 'status') recordWrite(target, key);
    target[key] = value;
    return true;
  },
};

function tracked(
  label: string,
  handler: ProxyHandler<TrackedTarget>,
  entries: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const target = createContextMap() as TrackedTarget;
  Object.defineProperty(target, LABEL, { value: label });
  for (const key of Object.keys(entries)) putMapEntry(target as Record<string, unknown>, key, entries[key]);
  return new Proxy(target, handler) as Record<string, unknown>;
}

/** Opens `state` for one render: fresh maps holding its values that record what the template sets. */
export function openOverrides(state: MappingOverrides): OpenOverrides {
  const request = state.requestOverride;
  const requestOverride = createContextMap();
  requestOverride.path = tracked('$context.requestOverride.path', PARAMETER_MAP, request.path);
  requestOverride.header = tracked('$context.requestOverride.header', PARAMETER_MAP, request.header);
  requestOverride.querystring = tracked(
    '$context.requestOverride.querystring',
    PARAMETER_MAP,
    request.querystring,
  );
  for (const key of Object.keys(request.custom)) putMapEntry(requestOverride, key, request.custom[key]);

  const response = state.responseOverride;
  const responseOverride = tracked('$context.responseOverride', RESPONSE_OVERRIDE, {});
  responseOverride.header = tracked('$context.responseOverride.header', PARAMETER_MAP, response.header);
  if (response.status !== undefined) putStatus(responseOverride, response.status);
  for (const key of Object.keys(response.custom)) putMapEntry(responseOverride, key, response.custom[key]);
  return { requestOverride, responseOverride };
}

/** Sets a status carried over from an earlier render without counting it as this render's override. */
function putStatus(responseOverride: Record<string, unknown>, status: number): void {
  Object.defineProperty(responseOverride, 'status', {
    value: status,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

const REQUEST_KEYS = new Set(['path', 'header', 'querystring']);
const RESPONSE_KEYS = new Set(['header', 'status']);

/** Reads the state a render left in `$context.requestOverride` and `$context.responseOverride`. */
export function closeOverrides(requestOverride: unknown, responseOverride: unknown): MappingOverrides {
  const request = isJavaMap(requestOverride) ? requestOverride : NONE;
  const response = isJavaMap(responseOverride) ? responseOverride : NONE;
  return {
    requestOverride: {
      path: parameterValues(request.path),
      header: parameterValues(request.header),
      querystring: parameterValues(request.querystring),
      custom: otherEntries(request, REQUEST_KEYS),
    },
    responseOverride: {
      header: parameterValues(response.header),
      status: validStatus(response.status),
      custom: otherEntries(response, RESPONSE_KEYS),
    },
  };
}

/** A status override counts only as an integer from 100 to 599; AWS ignores any other value. */
function validStatus(status: unknown): number | undefined {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599
    ? status
    : undefined;
}

/** The entries of a parameter map as text; `null` entries are dropped. */
function parameterValues(map: unknown): Readonly<Record<string, string>> {
  if (!isJavaMap(map)) return NONE;
  const values: Record<string, string> = {};
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value !== null && value !== undefined) putMapEntry(values, key, toJavaString(value));
  }
  return values;
}

function otherEntries(
  map: Readonly<Record<string, unknown>>,
  known: ReadonlySet<string>,
): Record<string, unknown> {
  const others: Record<string, unknown> = {};
  for (const key of Object.keys(map)) if (!known.has(key)) putMapEntry(others, key, map[key]);
  return others;
}
