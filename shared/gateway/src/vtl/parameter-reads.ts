import type { MappingParams } from './input-variable.js';
import { paramValue } from './input-variable.js';
import { readJavaIndex } from './java-property-access.js';
import type { VelocityNode, VelocityTree } from './velocity-ast.js';

/**
 * A request value a template reads: `$input.params().header.get('name')` (`header`) or
 * `$input.params('name')` (`param`: the path parameter, else the query parameter, else the header).
 */
export interface ParameterRead {
  readonly kind: 'header' | 'param';
  readonly name: string;
}

/** Variables the gateway gives every render; any other `$name` is the template's own. */
const GIVEN = new Set(['input', 'util', 'context', 'stageVariables']);

/** Node types that hold a value and nothing the request gives. */
const LITERALS = new Set(['integer', 'decimal', 'bool', 'null']);

/**
 * The request parameters a template reads, when they are all its output and overrides depend on: it reads
 * `$input` only as `$input.params().header.get('name')` or `$input.params('name')` with a literal name,
 * calls `$util` functions (which are pure), writes `$context.requestOverride` / `$context.responseOverride`
 * without reading `$context`, and otherwise uses only literals, its own variables, `#set`, `#if`, comments
 * and raw text — no `#foreach`, macro, `$stageVariables` or interpolated string. Such a template renders the
 * same for the same values of those parameters (and no earlier override), so its result can be reused; the
 * multi-origin CORS template (`#set($origin = $input.params().header.get('Origin'))`, then an override per
 * allowed origin) is one.
 * @returns the reads in the order the template makes them (repeats kept once), or `undefined` when the
 * template may depend on anything else
 */
export function parameterReads(tree: VelocityTree): readonly ParameterRead[] | undefined {
  const reads = new Map<string, ParameterRead>();
  return readsOfTree(tree, reads) ? [...reads.values()] : undefined;
}

/**
 * The values of `reads` in one request's parameters, as one string: two requests with the same key render
 * a template of those reads the same.
 */
export function parameterReadsKey(reads: readonly ParameterRead[], params: MappingParams): string {
  const values: unknown[] = [];
  for (const read of reads) {
    values.push(
      read.kind === 'header' ? readJavaIndex(params.header, read.name) : paramValue(params, read.name),
    );
  }
  return JSON.stringify(values);
}

type Reads = Map<string, ParameterRead>;

function readsOfTree(tree: VelocityTree, reads: Reads): boolean {
  for (const item of tree) {
    if (typeof item === 'string') continue;
    if (Array.isArray(item)) {
      const opener = item[0];
      if (typeof opener !== 'object' || Array.isArray(opener) || opener.type !== 'if') return false;
      if (!readsOfTree(item, reads)) return false;
    } else if (!readsOfNode(item, reads)) {
      return false;
    }
  }
  return true;
}

function readsOfNode(node: VelocityNode, reads: Reads): boolean {
  switch (node.type) {
    case 'comment':
    case 'raw':
    case 'else':
      return true;
    case 'if':
    case 'elseif':
      return node.condition !== undefined && readsOfExpression(node.condition, reads);
    case 'references':
      return readsOfReference(node, reads);
    case 'set': {
      const [target, value] = node.equal ?? [];
      return (
        target !== undefined &&
        value !== undefined &&
        isWritable(target, reads) &&
        readsOfExpression(value, reads)
      );
    }
    default:
      return false;
  }
}

/** A `#set` target: the template's own variable, or an entry of one of `$context`'s override maps. */
function isWritable(target: VelocityNode, reads: Reads): boolean {
  if (target.type !== 'references' || typeof target.id !== 'string') return false;
  const path = target.path ?? [];
  if (target.id === 'context') {
    const first = path[0];
    return (
      first !== undefined &&
      (first.id === 'requestOverride' || first.id === 'responseOverride') &&
      path.every((segment) => segment.type === 'property')
    );
  }
  return !GIVEN.has(target.id) && readsOfPath(path, reads);
}

function readsOfExpression(node: VelocityNode, reads: Reads): boolean {
  switch (node.type) {
    case 'math':
      return (node.expression ?? []).every((operand) => readsOfExpression(operand, reads));
    case 'string':
      return typeof node.value === 'string' && !(node.isEval && /[$#]/.test(node.value));
    case 'references':
      return readsOfReference(node, reads);
    case 'array': {
      const items = (node.value ?? []) as ReadonlyArray<VelocityNode | string>;
      return items.every((item) => typeof item === 'string' || readsOfExpression(item, reads));
    }
    case 'map': {
      const entries = Object.values((node.value ?? {}) as Record<string, VelocityNode>);
      return entries.every((entry) => readsOfExpression(entry, reads));
    }
    default:
      return LITERALS.has(node.type);
  }
}

function readsOfReference(node: VelocityNode, reads: Reads): boolean {
  if (typeof node.id !== 'string') return false;
  const path = node.path ?? [];
  switch (node.id) {
    case 'input':
      return readsOfInput(path, reads);
    case 'util':
      return path[0]?.type === 'method' && readsOfPath(path, reads);
    case 'context':
    case 'stageVariables':
      return false;
    default:
      return readsOfPath(path, reads);
  }
}

/** `$input.params().header.get('name')…` or `$input.params('name')…`, then anything on the string. */
function readsOfInput(path: readonly VelocityNode[], reads: Reads): boolean {
  const [params, second, third] = path;
  if (params?.type !== 'method' || params.id !== 'params') return false;
  if (params.args === false || params.args === undefined || params.args.length === 0) {
    if (second?.type !== 'property' || second.id !== 'header') return false;
    if (third?.type !== 'method' || third.id !== 'get') return false;
    const name = literalName(third.args);
    if (name === undefined) return false;
    reads.set(`header ${name}`, { kind: 'header', name });
    return readsOfPath(path.slice(3), reads);
  }
  const name = literalName(params.args);
  if (name === undefined) return false;
  reads.set(`param ${name}`, { kind: 'param', name });
  return readsOfPath(path.slice(1), reads);
}

/** The one argument of a call when it is a string literal without interpolation. */
function literalName(args: VelocityNode['args']): string | undefined {
  if (!Array.isArray(args) || args.length !== 1) return undefined;
  const [arg] = args;
  if (arg?.type !== 'string' || typeof arg.value !== 'string') return undefined;
  if (arg.isEval && /[$#]/.test(arg.value)) return undefined;
  return arg.value === '__proto__' ? undefined : arg.value;
}

/** Properties, indexes and method calls whose arguments depend on nothing else. */
function readsOfPath(path: readonly VelocityNode[], reads: Reads): boolean {
  for (const segment of path) {
    if (segment.type === 'property') continue;
    if (segment.type === 'index') {
      const index = segment.id as VelocityNode | undefined;
      if (!index || !readsOfExpression(index, reads)) return false;
    } else if (segment.type === 'method') {
      const args = segment.args === false || segment.args === undefined ? [] : segment.args;
      if (!args.every((arg) => readsOfExpression(arg, reads))) return false;
    } else {
      return false;
    }
  }
  return true;
}
