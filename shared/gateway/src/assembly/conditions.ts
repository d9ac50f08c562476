/**
 * Evaluates the `Conditions` of a template: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not` and `Condition`,
 * over values resolved by the stack's resolver (parameters with their defaults, pseudo parameters,
 * mappings).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
 */
export class ConditionEvaluator {
  readonly #conditions: Readonly<Record<string, unknown>>;
  readonly #resolve: (value: unknown) => unknown;
  readonly #results = new Map<string, boolean>();
  readonly #evaluating = new Set<string>();

  /**
   * @param conditions - the template's `Conditions`
   * @param resolve - resolves the operands of `Fn::Equals`
   */
  constructor(conditions: Readonly<Record<string, unknown>>, resolve: (value: unknown) => unknown) {
    this.#conditions = conditions;
    this.#resolve = resolve;
  }

  /**
   * Whether the condition `name` holds.
   * @throws UnresolvableValueError (from the resolver) when an operand has no local value
   * @throws Error when the template has no such condition, or conditions refer to each other in a cycle
   */
  holds(name: string): boolean {
    const known = this.#results.get(name);
    if (known !== undefined) return known;
    if (!(name in this.#conditions)) {
      throw new ConditionError(`the condition "${name}" is not in the template's Conditions`);
    }
    if (this.#evaluating.has(name)) {
      throw new ConditionError(`the condition "${name}" depends on itself`);
    }
    this.#evaluating.add(name);
    try {
      const result = this.evaluate(this.#conditions[name]);
      this.#results.set(name, result);
      return result;
    } finally {
      this.#evaluating.delete(name);
    }
  }

  /** Evaluates one condition expression. */
  evaluate(expression: unknown): boolean {
    if (typeof expression === 'boolean') return expression;
    if (expression === 'true' || expression === 'false') return expression === 'true';
    const entries = expression !== null && typeof expression === 'object' ? Object.entries(expression) : [];
    if (entries.length !== 1) {
      throw new ConditionError(`${JSON.stringify(expression)} is not a condition function`);
    }
    const [key, arg] = entries[0]!;
    const operands = Array.isArray(arg) ? arg : [arg];
    switch (key) {
      case 'Condition':
        return this.holds(String(arg));
      case 'Fn::Not':
        return !this.evaluate(operands[0]);
      case 'Fn::And':
        return operands.every((operand) => this.evaluate(operand));
      case 'Fn::Or':
        return operands.some((operand) => this.evaluate(operand));
      case 'Fn::Equals': {
        const [left, right] = operands.map((operand) => this.#resolve(operand));
        return comparable(left) === comparable(right);
      }
      default: {
        const resolved = this.#resolve(expression);
        if (typeof resolved === 'boolean') return resolved;
        throw new ConditionError(`${JSON.stringify(expression)} is not a condition function`);
      }
    }
  }
}

/** A condition the template cannot evaluate (unknown name, cycle, not a condition function). */
export class ConditionError extends Error {
  override readonly name = 'ConditionError';
}

function comparable(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
