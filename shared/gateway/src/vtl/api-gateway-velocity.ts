import { Compile, Helper } from 'velocityjs';
import { callJavaMethod } from './java-methods.js';
import {
  isJavaTruthy,
  javaAdd,
  javaArithmetic,
  javaCompare,
  javaEquals,
  javaNegate,
} from './java-operators.js';
import { readJavaIndex, readJavaProperty } from './java-property-access.js';
import { isJavaMap, markVelocityList, toJavaString } from './java-values.js';
import { parseVelocity } from './parse-velocity.js';
import type { VelocityNode, VelocityPosition, VelocityTree } from './velocity-ast.js';

/** The velocityjs methods this engine overrides and calls, which its type declarations leave out. */
interface CompileInternals {
  getReferences(ast: unknown, isVal?: boolean): unknown;
  getLiteral(ast: unknown): unknown;
  setValue(ast: unknown): void;
  getPropMethod(property: unknown, baseRef: unknown, ast: unknown): unknown;
}

const velocityjs = Compile.prototype as unknown as CompileInternals;

/**
 * A failure while rendering, with the position and text of the reference or directive that failed.
 * `MappingTemplate.render` turns it into a `MappingTemplateRenderError`.
 */
export class TemplateEvaluationError extends Error {
  override readonly name = 'TemplateEvaluationError';

  constructor(
    message: string,
    readonly pos: VelocityPosition | undefined,
    readonly reference: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Thrown by the `valueMapper` hook when a `#set` right-hand side is null, and caught by `setValue`. */
const NULL_ASSIGNMENT = new Error('#set with a null value');

/** The node that stands, after {@link prepareTree}, for an arithmetic `#set` right-hand side. */
const EVALUATED_EXPRESSION = 'api-gateway:expression';

/** One arm of an `#if`/`#elseif`/`#else` chain: its condition (none for `#else`) and its body. */
interface Branch {
  readonly condition: VelocityNode | undefined;
  readonly body: VelocityTree;
}

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
      throw located(error, ast);
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
    const [left, right] = node.expression as [VelocityNode, VelocityNode];
    const value = (operand: VelocityNode): unknown => this.getExpression(operand as never);
    switch (node.operator) {
      case '==':
        return javaEquals(value(left), value(right)) as never;
      case '!=':
        return !javaEquals(value(left), value(right)) as never;
      case '&&':
        return (isJavaTruthy(value(left)) && isJavaTruthy(value(right))) as never;
      case '||':
        return (isJavaTruthy(value(left)) || isJavaTruthy(value(right))) as never;
      case 'not':
        return !isJavaTruthy(value(left)) as never;
      case 'parenthesis':
        return value(left) as never;
      case 'minus':
        return javaNegate(value(left)) as never;
      case '+':
        return javaAdd(value(left), value(right), literalText(left), literalText(right)) as never;
      case '-':
      case '*':
      case '/':
      case '%':
        return javaArithmetic(node.operator, value(left), value(right)) as never;
      case '<':
      case '<=':
      case '>':
      case '>=':
        return javaCompare(node.operator, value(left), value(right)) as never;
      default:
        return undefined as never;
    }
  }

  /** `#set`: a null right-hand side leaves the target unchanged (Velocity 1.7). */
  protected override setValue(ast: never): void {
    try {
      velocityjs.setValue.call(this, ast);
    } catch (error) {
      if (error !== NULL_ASSIGNMENT) throw located(error, ast as VelocityNode);
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

/** The text Velocity 1.7 uses for a null operand of a string `+`: the reference as written. */
function literalText(node: VelocityNode): string {
  return node.type === 'references' ? Helper.getRefText(node as never) : '';
}

function located(error: unknown, node: VelocityNode): TemplateEvaluationError {
  if (error instanceof TemplateEvaluationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const reference = node.type === 'references' ? Helper.getRefText(node as never) : undefined;
  return new TemplateEvaluationError(message, node.pos, reference, { cause: error });
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

function isNode(item: VelocityTree[number]): item is VelocityNode {
  return typeof item === 'object' && !Array.isArray(item);
}

function splitBranches(block: VelocityTree): Branch[] {
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
function prepareTree(tree: VelocityTree): VelocityTree {
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
function interpolatedStrings(tree: unknown, found: string[] = []): string[] {
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
