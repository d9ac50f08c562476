import { Compile } from 'velocityjs';
import { callJavaMethod } from './java-methods.js';
import { isJavaTruthy } from './java-operators.js';
import { readJavaIndex, readJavaProperty } from './java-property-access.js';
import { isJavaMap, markVelocityList, toJavaString } from './java-values.js';
import { parseVelocity } from './parse-velocity.js';
import {
  type Branch,
  EVALUATED_EXPRESSION,
  interpolatedStrings,
  prepareTree,
  splitBranches,
} from './prepare-velocity-tree.js';
import { locatedEvaluationError } from './template-evaluation-error.js';
import type { VelocityNode, VelocityTree } from './velocity-ast.js';
import { evaluateJavaOperator } from './velocity-operators.js';

/** The velocityjs methods this engine overrides and calls, which its type declarations leave out. */
interface CompileInternals {
  getReferences(ast: unknown, isVal?: boolean): unknown;
  getLiteral(ast: unknown): unknown;
  setValue(ast: unknown): void;
  getPropMethod(property: unknown, baseRef: unknown, ast: unknown): unknown;
}

const velocityjs = Compile.prototype as unknown as CompileInternals;

/** Thrown by the `valueMapper` hook when a `#set` right-hand side is null, and caught by `setValue`. */
const NULL_ASSIGNMENT = new Error('#set with a null value');

/**
 * velocityjs's `Compile`, changed where Java Velocity as API Gateway runs it behaves differently:
 *
 * - references render quietly (an unknown `$x` renders nothing, not `$x`), through velocityjs's own
 *   silent mode;
 * - values print as Java prints them (`{foo=bar}`, JSON lists), see `toJavaString`;
 * - `==`, `!=`, `&&`, `||`, `!`, `#if` and arithmetic follow Java Velocity 1.7 (`isJavaTruthy`, …);
 * - properties, indexes and methods follow Java: a map's `get` is case-sensitive, `$string.foo` is null,
 *   methods are `java.lang.String`/`java.util.Map`/`List` methods (the `customMethodHandlers` hook);
 * - `#set` with a null right-hand side leaves its target unchanged (the `valueMapper` hook);
 * - `#break` ends its `#foreach` at once; `#foreach` also iterates a map's values;
 * - strings with `$`/`#` are parsed once per template instead of on every render.
 *
 * One instance renders one template, one render at a time (rendering is synchronous).
 */
export class ApiGatewayVelocity extends Compile {
  readonly #origin: string;
  readonly #interpolations = new Map<string, VelocityTree>();
  readonly #branches = new WeakMap<VelocityTree, Branch[]>();
  readonly #loopBodies = new WeakMap<VelocityTree, VelocityTree>();
  /** The value of an operand, made once rather than on every operator a render evaluates. */
  readonly #operandValue = (operand: VelocityNode): unknown => this.getExpression(operand as never);
  #loops = 0;

  /**
   * @param tree - the parsed template, see {@link parseVelocity}
   * @param origin - where the template comes from, for errors in strings parsed later
   */
  constructor(tree: VelocityTree, origin: string) {
    super(prepareTree(tree) as never, {
      escape: false,
      valueMapper: refuseNullAssignment,
      customMethodHandlers: [
        {
          uid: 'api-gateway: java methods',
          match: () => true,
          resolve: ({ property, context, params }) => callJavaMethod(context, property, params),
        },
      ],
    });
    this.#origin = origin;
    this.macros = {
      stop: () => {
        this.runState.stop = true;
        return '';
      },
    };
    for (const text of interpolatedStrings(tree)) this.#interpolation(text);
  }

  /** Renders the template with `scope` as its variables (`input`, `util`, `context`, `stageVariables`). */
  renderScope(scope: Record<string, unknown>): string {
    this.runState.stop = false;
    this.runState.break = false;
    this.conditions.length = 0;
    this.contextId = '';
    if (hasKeys(this.local)) this.local = {};
    if (hasKeys(this.defines)) this.defines = {};
    this.silence = true;
    this.context = scope;
    return this.renderAstList();
  }

  /**
   * velocityjs's rendering loop, except that `#break` ends the enclosing `#foreach` at once, as in Java
   * Velocity (velocityjs renders the rest of the current iteration).
   */
  override renderAstList(asts?: never, contextId?: string): string {
    if (contextId) {
      if (contextId !== this.contextId && !this.conditions.includes(contextId))
        this.conditions.unshift(contextId);
      this.contextId = contextId;
    } else {
      this.contextId = '';
    }
    let output = '';
    for (const item of (asts as VelocityTree | undefined) ?? (this.asts as unknown as VelocityTree)) {
      if (this.runState.stop || this.runState.break) break;
      if (typeof item === 'string') {
        output += item;
      } else if (Array.isArray(item)) {
        output += this.getBlock(item as never);
      } else if (item.type === 'references') {
        output += this.getReferences(item as never, true);
      } else if (item.type === 'set') {
        this.setValue(item as never);
      } else if (item.type === 'break') {
        this.runState.break = true;
      } else if (item.type === 'macro_call') {
        output += this.getMacro(item as never);
      } else if (item.type === 'raw') {
        output += item.value as string;
      }
    }
    return output;
  }

  /**
   * `#foreach`: over a list, or a map's values; `$foreach.count`, `.index`, `.hasNext`, `.first`, `.last`
   * and `$velocityCount`; `#break` ends the loop.
   */
  getBlockEach(block: VelocityTree): string {
    const opener = block[0] as VelocityNode & { readonly from: VelocityNode; readonly to: string };
    const source = this.getLiteral(opener.from as never) as unknown;
    const items = Array.isArray(source) ? source : isJavaMap(source) ? Object.values(source) : undefined;
    if (!items || items.length === 0) return '';
    let body = this.#loopBodies.get(block);
    if (!body) {
      body = block.slice(1);
      this.#loopBodies.set(block, body);
    }
    const contextId = `foreach:${++this.#loops}`;
    const local: Record<string, unknown> = {};
    this.local[contextId] = local;
    let output = '';
    for (let index = 0; index < items.length; index++) {
      local[opener.to] = items[index];
      local.foreach = {
        count: index + 1,
        index,
        hasNext: index + 1 < items.length,
        first: index === 0,
        last: index + 1 === items.length,
      };
      local.velocityCount = index + 1;
      output += this.renderAstList(body as never, contextId);
      if (this.runState.break || this.runState.stop) break;
    }
    this.runState.break = false;
    delete this.local[contextId];
    const at = this.conditions.indexOf(contextId);
    if (at >= 0) this.conditions.splice(at, 1);
    this.contextId = this.conditions[0] ?? '';
    return output;
  }

  /** Output references (`isVal`) print as Java prints; other uses get the value itself. */
  protected override getReferences(ast: never, isVal?: boolean): string {
    const value = velocityjs.getReferences.call(this, ast, isVal);
    return (isVal ? toJavaString(value) : value) as string;
  }

  /** `.name`, `[key]` and `.method()` on a value, with Java's rules. */
  getAttributes(property: VelocityNode, baseRef: unknown, ast: VelocityNode): unknown {
    if (baseRef === null || baseRef === undefined) return undefined;
    if (property.type === 'method') return this.getPropMethod(property, baseRef, ast);
    if (property.type === 'property') return readJavaProperty(baseRef, property.id as string);
    return readJavaIndex(baseRef, this.getLiteral(property.id as never));
  }

  /** Method calls go through velocityjs (and the handler above); failures get the reference's position. */
  getPropMethod(property: VelocityNode, baseRef: unknown, ast: VelocityNode): unknown {
    try {
      return velocityjs.getPropMethod.call(this, property, baseRef, ast);
    } catch (error) {
      throw locatedEvaluationError(error, ast);
    }
  }

  /** Array literals are lists the template built: they print as `[a, b]`. */
  protected override getLiteral(ast: never): string {
    const node = ast as VelocityNode;
    if (node.type === EVALUATED_EXPRESSION) return this.getExpression(node.expression?.[0] as never);
    const value = velocityjs.getLiteral.call(this, ast);
    if (node.type === 'array') markVelocityList(value as unknown[]);
    return value as string;
  }

  /** Operators with Java Velocity 1.7's meaning. */
  protected override getExpression(ast: never): string {
    const node = ast as VelocityNode;
    if (node.type !== 'math') return this.getLiteral(ast);
    return evaluateJavaOperator(node, this.#operandValue) as never;
  }

  /** `#set`: a null right-hand side leaves the target unchanged (Velocity 1.7). */
  protected override setValue(ast: never): void {
    try {
      velocityjs.setValue.call(this, ast);
    } catch (error) {
      if (error !== NULL_ASSIGNMENT) throw locatedEvaluationError(error, ast as VelocityNode);
    }
  }

  /** `#if`/`#elseif`/`#else`: only `null` and `false` are false. */
  getBlockIf(block: VelocityTree): string {
    let branches = this.#branches.get(block);
    if (!branches) {
      branches = splitBranches(block);
      this.#branches.set(block, branches);
    }
    for (const branch of branches) {
      if (branch.condition === undefined || isJavaTruthy(this.getExpression(branch.condition as never))) {
        return this.renderAstList(branch.body as never, this.contextId);
      }
    }
    return '';
  }

  /** A string literal with `$` or `#`, rendered from the tree parsed when the template was compiled. */
  protected override evalStr(text: string): string {
    return this.renderAstList(this.#interpolation(text) as never, this.contextId);
  }

  #interpolation(text: string): VelocityTree {
    let tree = this.#interpolations.get(text);
    if (!tree) {
      tree = prepareTree(parseVelocity(text, this.#origin));
      this.#interpolations.set(text, tree);
    }
    return tree;
  }
}

function refuseNullAssignment(value: unknown): unknown {
  if (value === null || value === undefined) throw NULL_ASSIGNMENT;
  return value;
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}
