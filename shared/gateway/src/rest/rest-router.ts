import type { RestMethod, RestResource } from './rest-api-model.js';

/** A method found for a request path, with its path parameters decoded. */
export interface RestRoute {
  readonly resource: RestResource;
  readonly method: RestMethod;
  readonly pathParameters: Readonly<Record<string, string>> | null;
}

/**
 * Finds the method serving `segments` (the path below the stage, split on `/`) and `httpMethod`, as API
 * Gateway does: a literal path part wins over `{param}`, which wins over `{proxy+}`; a resource without the
 * method falls back to its `ANY` method.
 * @returns `undefined` when no resource or no method matches (API Gateway answers 403 Missing
 * Authentication Token)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html
 */
export function matchRestRoute(
  root: RestResource,
  segments: readonly string[],
  httpMethod: string,
): RestRoute | undefined {
  const parameters: Record<string, string> = {};
  const resource = walk(root, segments, 0, httpMethod, parameters);
  if (!resource) return undefined;
  const method = resource.methods.get(httpMethod) ?? resource.methods.get('ANY');
  if (!method) return undefined;
  let hasParameters = false;
  for (const _ in parameters) {
    hasParameters = true;
    break;
  }
  return { resource, method, pathParameters: hasParameters ? parameters : null };
}

function hasMethod(resource: RestResource, httpMethod: string): boolean {
  return resource.methods.has(httpMethod) || resource.methods.has('ANY');
}

function walk(
  node: RestResource,
  segments: readonly string[],
  index: number,
  httpMethod: string,
  parameters: Record<string, string>,
): RestResource | undefined {
  if (index === segments.length) return node;
  const segment = segments[index]!;
  const literal = node.children.get(segment);
  if (literal) {
    const found = walk(literal, segments, index + 1, httpMethod, parameters);
    if (found && hasMethod(found, httpMethod)) return found;
  }
  if (node.parameterChild) {
    const { name, resource } = node.parameterChild;
    const found = walk(resource, segments, index + 1, httpMethod, parameters);
    if (found && hasMethod(found, httpMethod)) {
      parameters[name] = decode(segment);
      return found;
    }
  }
  if (node.greedyChild) {
    const { name, resource } = node.greedyChild;
    if (hasMethod(resource, httpMethod)) {
      parameters[name] = segments.slice(index).map(decode).join('/');
      return resource;
    }
  }
  return undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Splits a request path into its stage and the segments below it: `/prod/items/1` → `prod`, `[items, 1]`.
 * Empty segments (from `//` or a trailing `/`) are dropped, as API Gateway ignores them.
 */
export function splitStagePath(path: string): { stage: string; segments: string[] } {
  const parts = path.split('/').filter((part) => part !== '');
  return { stage: parts[0] ?? '', segments: parts.slice(1) };
}
