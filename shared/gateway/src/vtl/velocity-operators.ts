import { Helper } from 'velocityjs';
import {
  isJavaTruthy,
  javaAdd,
  javaArithmetic,
  javaCompare,
  javaEquals,
  javaNegate,
} from './java-operators.js';
import type { VelocityNode } from './velocity-ast.js';

/**
 * The value of a velocityjs `math` node (`==`, `&&`, `!`, `(…)`, unary `-`, `+`, `*`, `<`, …) with Java
 * Velocity 1.7's meaning, see the operators of `java-operators`; `undefined` for an operator it does not know.
 * @param node - the `math` node
 * @param value - evaluates one operand, itself an expression
 * @see https://velocity.apache.org/engine/1.7/vtl-reference.html
 */
export function evaluateJavaOperator(node: VelocityNode, value: (operand: VelocityNode) => unknown): unknown {
  const [left, right] = node.expression as [VelocityNode, VelocityNode];
  switch (node.operator) {
    case '==':
      return javaEquals(value(left), value(right));
    case '!=':
      return !javaEquals(value(left), value(right));
    case '&&':
      return isJavaTruthy(value(left)) && isJavaTruthy(value(right));
    case '||':
      return isJavaTruthy(value(left)) || isJavaTruthy(value(right));
    case 'not':
      return !isJavaTruthy(value(left));
    case 'parenthesis':
      return value(left);
    case 'minus':
      return javaNegate(value(left));
    case '+':
      return javaAdd(value(left), value(right), literalText(left), literalText(right));
    case '-':
    case '*':
    case '/':
    case '%':
      return javaArithmetic(node.operator, value(left), value(right));
    case '<':
    case '<=':
    case '>':
    case '>=':
      return javaCompare(node.operator, value(left), value(right));
    default:
      return undefined;
  }
}

/** The text Velocity 1.7 uses for a null operand of a string `+`: the reference as written. */
function literalText(node: VelocityNode): string {
  return node.type === 'references' ? Helper.getRefText(node as never) : '';
}
