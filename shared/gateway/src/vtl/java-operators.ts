import { toJavaString } from './java-values.js';

/**
 * Velocity's operators as API Gateway evaluates them (Java Velocity 1.7), where JavaScript's differ.
 * @see https://velocity.apache.org/engine/1.7/vtl-reference.html#if-elseif-else
 */

/**
 * `#if($x)`: Velocity 1.7 treats only `null` and `false` as false. An empty string, `0` and an empty list
 * are true, unlike in JavaScript.
 */
export function isJavaTruthy(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false;
}

/**
 * `==`: numbers compare by value, other values of one kind with `equals`, values of different kinds by
 * their string form (so `1 == "1"`). A `null` equals `null` and, as recorded on AWS, also the empty string:
 * for a missing `$r`, both `$r == $null` and `$r == ""` are true.
 */
export function javaEquals(left: unknown, right: unknown): boolean {
  const leftNull = left === null || left === undefined;
  const rightNull = right === null || right === undefined;
  if (leftNull || rightNull) return (leftNull && rightNull) || left === '' || right === '';
  if (typeof left === typeof right && typeof left !== 'object') return left === right;
  if (left === right) return true;
  return toJavaString(left) === toJavaString(right);
}

/**
 * `<`, `<=`, `>`, `>=`: Velocity 1.7 compares numbers only; anything else (strings included) is false.
 */
export function javaCompare(operator: string, left: unknown, right: unknown): boolean {
  if (typeof left !== 'number' || typeof right !== 'number') return false;
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    default:
      return left >= right;
  }
}

/**
 * `+`: when either side is a string the two are concatenated, a `null` side contributing its own text
 * (`leftText`/`rightText`, e.g. `$missing`), as Velocity 1.7 does. Otherwise see {@link javaArithmetic}.
 */
export function javaAdd(left: unknown, right: unknown, leftText: string, rightText: string): unknown {
  if (typeof left === 'string' || typeof right === 'string') {
    const l = left === null || left === undefined ? leftText : toJavaString(left);
    const r = right === null || right === undefined ? rightText : toJavaString(right);
    return l + r;
  }
  return javaArithmetic('+', left, right);
}

/**
 * `+ - * / %` on numbers: integer operands give an integer result (`7 / 2` is `3`), division or modulo by
 * zero gives `null`, and a non-number operand gives `null`, as in Velocity 1.7.
 */
export function javaArithmetic(operator: string, left: unknown, right: unknown): number | undefined {
  if (typeof left !== 'number' || typeof right !== 'number') return undefined;
  const integers = Number.isInteger(left) && Number.isInteger(right);
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      if (right === 0) return undefined;
      return integers ? Math.trunc(left / right) : left / right;
    case '%':
      if (right === 0) return undefined;
      return left % right;
    default:
      return undefined;
  }
}

/** Unary minus: numbers only, else `null`. */
export function javaNegate(value: unknown): number | undefined {
  return typeof value === 'number' ? -value : undefined;
}
