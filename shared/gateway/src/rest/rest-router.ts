import type { RestMethod, RestResource } from './rest-api-model.js';

/** A method found for a request path, with its path parameters as sent (still percent-encoded). */
export interface RestRoute {
  readonly resource: RestResource;
  readonly method: RestMethod;
  readonly pathParameters: Readonly<Record<string, string>> | null;
}

/**
 * Finds the method serving `segments` (the path below the stage, split on `/`, without empty segments) and
 * `httpMethod`, as API Gateway does: a literal path part wins over `{param}`, which wins over `{proxy+}`; a
 * resource without the method falls back to its `ANY` method. Path parameters keep the request's
 * percent-encoding; a greedy one takes the rest of the path as sent, inner empty segments (`a//b`)
 * included, without its trailing slashes (recorded on AWS by the LocalStack test
 * `test_apigateway_lambda.py::test_lambda_aws_proxy_integration`, validated 2024-08-02).
 * @param tails - for each segment, the rest of the path from it on as sent (see `splitStagePath`);
 *   without them a greedy parameter joins the segments with `/`
 * @returns `undefined` when no resource or no method matches (API Gateway answers 403 Missing
 * Authentication Token)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html
 */
export function matchRestRoute(
  root: RestResource,
  segments: readonly string[],
  httpMethod: string,
  tails?: readonly string[],
): RestRoute | undefined {
  const parameters: Record<string, string> = {};
  const walker: Walk = { segments, tails, httpMethod, parameters };
  const resource = walk(walker, root, 0);
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

interface Walk {
  readonly segments: readonly string[];
  readonly tails: readonly string[] | undefined;
  readonly httpMethod: string;
  readonly parameters: Record<string, string>;
}

function walk(w: Walk, node: RestResource, index: number): RestResource | undefined {
  if (index === w.segments.length) return node;
  const segment = w.segments[index]!;
  const literal = node.children.get(segment);
  if (literal) {
    const found = walk(w, literal, index + 1);
    if (found && hasMethod(found, w.httpMethod)) return found;
  }
  if (node.parameterChild) {
    const { name, resource } = node.parameterChild;
    const found = walk(w, resource, index + 1);
    if (found && hasMethod(found, w.httpMethod)) {
      w.parameters[name] = segment;
      return found;
    }
  }
  if (node.greedyChild) {
    const { name, resource } = node.greedyChild;
    if (hasMethod(resource, w.httpMethod)) {
      w.parameters[name] = w.tails?.[index] ?? w.segments.slice(index).join('/');
      return resource;
    }
  }
  return undefined;
}

/**
 * Splits a request path into its stage and the segments below it: `/prod/items/1` → `prod`, `[items, 1]`.
 * Empty segments (from `//` or a trailing `/`) do not count for routing; `tails[i]` keeps the path from
 * segment `i` on as sent, inner `//` included, trailing slashes removed, for a greedy path parameter.
 */
export function splitStagePath(path: string): { stage: string; segments: string[]; tails: string[] } {
  const segments: string[] = [];
  const starts: number[] = [];
  let stage: string | undefined;
  let at = 0;
  while (at <= path.length) {
    let end = path.indexOf('/', at);
    if (end === -1) end = path.length;
    if (end > at) {
      if (stage === undefined) stage = path.slice(at, end);
      else {
        segments.push(path.slice(at, end));
        starts.push(at);
      }
    }
    at = end + 1;
  }
  const trimmed = path.replace(/\/+$/, '');
  return { stage: stage ?? '', segments, tails: starts.map((start) => trimmed.slice(start)) };
}
