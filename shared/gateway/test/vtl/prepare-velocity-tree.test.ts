import { describe, expect, it } from 'vitest';
import { parseVelocity } from '../../src/vtl/parse-velocity.js';
import {
  EVALUATED_EXPRESSION,
  interpolatedStrings,
  isNode,
  prepareTree,
  splitBranches,
} from '../../src/vtl/prepare-velocity-tree.js';
import type { VelocityNode, VelocityTree } from '../../src/vtl/velocity-ast.js';

const parse = (source: string): VelocityTree => parseVelocity(source, 'test');

describe('isNode', () => {
  it('tells a node from text and from a nested block', () => {
    const [text, node, block] = parse('a$b#if($c)d#end');
    expect(isNode(text!)).toBe(false);
    expect(isNode(node!)).toBe(true);
    expect(isNode(block!)).toBe(false);
  });
});

describe('splitBranches', () => {
  it('splits an #if block into its arms, in order, #else having no condition', () => {
    const [block] = parse('#if($a)x#elseif($b)y$z#else w#end');
    const branches = splitBranches(block as VelocityTree);
    expect(branches).toHaveLength(3);
    expect(branches.map((branch) => (branch.condition as VelocityNode | undefined)?.id)).toEqual([
      'a',
      'b',
      undefined,
    ]);
    expect(branches[0]!.body).toEqual(['x']);
    expect(branches[1]!.body).toHaveLength(2);
    expect(branches[2]!.body.join('')).toBe(' w');
  });
});

describe('prepareTree', () => {
  it('wraps an arithmetic #set right-hand side, in nested blocks too, and leaves the rest alone', () => {
    const tree = parse('#set($a = $b + 1)#set($c = "d")#if($e)#set($f = 2 * 3)#end');
    const prepared = prepareTree(tree);
    const arithmetic = prepared[0] as VelocityNode;
    expect(arithmetic.equal![1].type).toBe(EVALUATED_EXPRESSION);
    expect(arithmetic.equal![1].expression).toEqual([(tree[0] as VelocityNode).equal![1]]);
    expect(prepared[1]).toBe(tree[1]);
    const nested = (prepared[2] as VelocityTree)[1] as VelocityNode;
    expect(nested.equal![1].type).toBe(EVALUATED_EXPRESSION);
  });

  it('returns a new tree and leaves the parsed one as it was', () => {
    const tree = parse('#set($a = 1 + 1)');
    prepareTree(tree);
    expect((tree[0] as VelocityNode).equal![1].type).toBe('math');
  });
});

describe('interpolatedStrings', () => {
  it('finds the double-quoted strings with $ or #, wherever they are, and no other string', () => {
    const tree = parse(
      '#set($a = "hi $n")#set($b = \'hi $n\')#set($c = "plain")#if($x == "#$y")$m.put("k", "v$w")#end',
    );
    expect(interpolatedStrings(tree)).toEqual(['hi $n', '#$y', 'v$w']);
  });

  it('finds nothing in a template without string literals', () => {
    expect(interpolatedStrings(parse('$a #if($b)c#end'))).toEqual([]);
  });
});
