import { describe, expect, it } from 'vitest';
import { parseVelocity } from '../../src/vtl/parse-velocity.js';
import type { VelocityNode } from '../../src/vtl/velocity-ast.js';
import { evaluateJavaOperator } from '../../src/vtl/velocity-operators.js';

const scope: Record<string, unknown> = { one: 1, two: 2, text: 'a', empty: '', nothing: null };

/** A small evaluator: literals and references of `scope`, operators through `evaluateJavaOperator`. */
function value(node: VelocityNode): unknown {
  switch (node.type) {
    case 'math':
      return evaluateJavaOperator(node, value);
    case 'integer':
    case 'decimal':
      return Number(node.value);
    case 'bool':
      return node.value === 'true';
    case 'string':
      return node.value;
    case 'references':
      return scope[node.id as string];
    default:
      throw new Error(`no value for a ${node.type} node`);
  }
}

/** The value of the expression `source`, as the right-hand side of a `#set`. */
function evaluate(source: string): unknown {
  const [set] = parseVelocity(`#set($result = ${source})`, 'test') as VelocityNode[];
  return value(set!.equal![1]);
}

describe('evaluateJavaOperator', () => {
  it('compares with Java Velocity’s ==, where 1 == "1" and null equals the empty string', () => {
    expect(evaluate('$one == "1"')).toBe(true);
    expect(evaluate('$nothing == $empty')).toBe(true);
    expect(evaluate('$text != "a"')).toBe(false);
  });

  it('treats only null and false as false in &&, || and !', () => {
    expect(evaluate('$empty && 0')).toBe(true);
    expect(evaluate('$nothing || false')).toBe(false);
    expect(evaluate('!$nothing')).toBe(true);
    expect(evaluate('!(1 < 2)')).toBe(false);
  });

  it('does integer arithmetic and gives null for a division by zero', () => {
    expect(evaluate('7 / 2')).toBe(3);
    expect(evaluate('7 % 3')).toBe(1);
    expect(evaluate('$two * 3 - 1')).toBe(5);
    expect(evaluate('1 / 0')).toBeUndefined();
    expect(evaluate('-($two)')).toBe(-2);
  });

  it('concatenates with + when a side is a string, a null side giving the reference as written', () => {
    expect(evaluate('$text + 1')).toBe('a1');
    expect(evaluate('$nothing + "x"')).toBe('$nothingx');
    expect(evaluate('"x" + $missing.foo')).toBe('x$missing.foo');
    expect(evaluate('$one + $two')).toBe(3);
  });

  it('compares only numbers with <, <=, > and >=', () => {
    expect(evaluate('$one < $two')).toBe(true);
    expect(evaluate('2 <= 2')).toBe(true);
    expect(evaluate('"b" > "a"')).toBe(false);
  });

  it('gives undefined for an operator it does not know', () => {
    const node: VelocityNode = { type: 'math', operator: '^', expression: [] };
    expect(evaluateJavaOperator(node, value)).toBeUndefined();
  });
});
