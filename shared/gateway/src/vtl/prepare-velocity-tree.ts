/**
 * What the engine works out from a parsed template once, when it compiles it, rather than on every render:
 * arithmetic `#set`s rewritten so that a null result leaves the target unchanged, the arms of each `#if`
 * chain, and the string literals to parse as templates.
 * @module
 */

import type { VelocityNode, VelocityTree } from './velocity-ast.js';

/** The node that stands, after {@link prepareTree}, for an arithmetic `#set` right-hand side. */
export const EVALUATED_EXPRESSION = 'api-gateway:expression';

/** One arm of an `#if`/`#elseif`/`#else` chain: its condition (none for `#else`) and its body. */
export interface Branch {
  readonly condition: VelocityNode | undefined;
  readonly body: VelocityTree;
}

/** Tells a node of the tree from text and from a nested block. */
export function isNode(item: VelocityTree[number]): item is VelocityNode {
  return typeof item === 'object' && !Array.isArray(item);
}

/**
 * The arms of an `#if` block (`[#if, ...body, #elseif, ...body, #else, ...body]`), in order, each with the
 * condition that selects it.
 */
export function splitBranches(block: VelocityTree): Branch[] {
  const branches: Array<{ condition: VelocityNode | undefined; body: VelocityTree }> = [];
  for (const item of block) {
    if (isNode(item) && (item.type === 'if' || item.type === 'elseif' || item.type === 'else')) {
      branches.push({ condition: item.type === 'else' ? undefined : item.condition, body: [] });
    } else {
      branches[branches.length - 1]?.body.push(item);
    }
  }
  return branches;
}

/**
 * Rewrites each `#set` whose right-hand side is arithmetic into a node that `getLiteral` evaluates, so that
 * the `valueMapper` hook sees its value too (velocityjs skips the hook for arithmetic).
 */
export function prepareTree(tree: VelocityTree): VelocityTree {
  return tree.map((item) => {
    if (Array.isArray(item)) return prepareTree(item);
    if (isNode(item) && item.type === 'set' && item.equal?.[1].type === 'math') {
      const [target, expression] = item.equal;
      return {
        ...item,
        equal: [target, { type: EVALUATED_EXPRESSION, expression: [expression] }],
      } as VelocityNode;
    }
    return item;
  });
}

/** Every double-quoted string literal with `$` or `#` in the tree (velocityjs renders those as templates). */
export function interpolatedStrings(tree: unknown, found: string[] = []): string[] {
  if (Array.isArray(tree)) {
    for (const item of tree) interpolatedStrings(item, found);
  } else if (typeof tree === 'object' && tree !== null) {
    const node = tree as VelocityNode;
    if (node.type === 'string' && node.isEval && typeof node.value === 'string' && /[$#]/.test(node.value)) {
      found.push(node.value);
    }
    for (const key of Object.keys(node)) {
      if (key !== 'pos') interpolatedStrings((node as unknown as Record<string, unknown>)[key], found);
    }
  }
  return found;
}
