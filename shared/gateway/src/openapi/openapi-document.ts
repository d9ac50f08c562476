import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';

/** An OpenAPI (3.x) or Swagger (2.0) document as parsed: plain JSON values, intrinsics left in place. */
export type OpenApiDocument = Record<string, unknown>;

/** The HTTP methods an OpenAPI path item holds, and API Gateway's `x-amazon-apigateway-any-method`. */
const OPERATION_KEYS = new Map([
  ['get', 'GET'],
  ['put', 'PUT'],
  ['post', 'POST'],
  ['delete', 'DELETE'],
  ['options', 'OPTIONS'],
  ['head', 'HEAD'],
  ['patch', 'PATCH'],
  ['x-amazon-apigateway-any-method', 'ANY'],
]);

/** One operation of a document: its path, method, the operation object and its path item's parameters. */
export interface OpenApiOperation {
  /** e.g. `/items/{id}`, or `$default` (HTTP APIs). */
  readonly path: string;
  /** Upper case, `ANY` for `x-amazon-apigateway-any-method`. */
  readonly method: string;
  readonly operation: Record<string, unknown>;
  /** The path item's and the operation's `parameters`, references resolved. */
  readonly parameters: ReadonlyArray<Record<string, unknown>>;
}

/**
 * Reads the OpenAPI definition of an API resource: its `Body` (an object, or JSON or YAML text), or the file
 * its `BodyS3Location` names among the assembly's assets (CDK's `ApiDefinition.fromAsset`).
 * @returns the document, or why it cannot be read
 */
export function readOpenApiDocument(
  stack: LoadedStack,
  resolver: IntrinsicResolver,
  props: Record<string, unknown>,
): OpenApiDocument | { readonly refusal: string } {
  if (props.Body !== undefined) {
    const body = typeof props.Body === 'string' ? parseText(props.Body) : props.Body;
    return isObject(body)
      ? body
      : { refusal: 'its Body is not an OpenAPI document (an object, or JSON or YAML text)' };
  }
  const location = resolver.resolve(props.BodyS3Location) as Record<string, unknown> | undefined;
  const key = typeof location?.Key === 'string' ? location.Key : undefined;
  const file =
    key === undefined ? undefined : (stack.assets.get(key) ?? stack.assets.get(key.replace(/\.[a-z]+$/, '')));
  if (!file) {
    return {
      refusal: `its BodyS3Location ${JSON.stringify(location)} is not a file asset of this assembly, so the definition cannot be read locally`,
    };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      refusal: `its definition ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}`,
    };
  }
  const document = parseText(text);
  return isObject(document) ? document : { refusal: `its definition ${file} is not an OpenAPI document` };
}

/**
 * Resolves a local reference (`{ $ref: '#/components/…' }`) of `document`, as many times as it takes.
 * @returns the value, or `undefined` for a reference that points nowhere (or outside the document)
 */
export function dereference(document: OpenApiDocument, value: unknown, depth = 0): unknown {
  if (!isObject(value) || typeof value.$ref !== 'string' || depth > 20) return value;
  const ref = value.$ref;
  if (!ref.startsWith('#/')) return undefined;
  let target: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObject(target) ? target[part] : undefined;
  }
  return dereference(document, target, depth + 1);
}

/** Every operation of the document's `paths`, in document order. */
export function operationsOf(document: OpenApiDocument): OpenApiOperation[] {
  const operations: OpenApiOperation[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = dereference(document, rawItem);
    if (!isObject(item)) continue;
    const shared = listOf(document, item.parameters);
    for (const [key, operation] of Object.entries(item)) {
      const method = OPERATION_KEYS.get(key);
      if (!method || !isObject(operation)) continue;
      operations.push({
        path,
        method,
        operation,
        parameters: [...shared, ...listOf(document, operation.parameters)],
      });
    }
  }
  return operations;
}

/** The `x-amazon-apigateway-*` keys of `value`, e.g. to refuse the ones an importer does not map. */
export function apiGatewayExtensions(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => key.startsWith('x-amazon-apigateway-'));
}

/** Whether `value` is a plain object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function listOf(document: OpenApiDocument, value: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => dereference(document, entry)).filter(isObject);
}

/** The YAML parser, loaded on the first document that needs it: most served apps have none. */
let yaml: typeof import('yaml') | undefined;

function parseText(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  try {
    return yaml.parse(text);
  } catch {
    return undefined;
  }
}
