/**
 * What a policy says about one request: a statement allows it and none denies it, a statement denies it,
 * or no statement speaks of it (IAM's implicit deny).
 */
export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** A policy a Lambda authorizer returned, compiled once so that a cached policy is cheap to evaluate. */
export interface CompiledPolicy {
  /** The decision for invoking `arn` (`execute-api:Invoke`). */
  evaluate(arn: string): PolicyDecision;
}

interface CompiledStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly action: (action: string) => boolean;
  readonly resource: (arn: string) => boolean;
}

const INVOKE = 'execute-api:Invoke';

/**
 * Compiles the `policyDocument` of a Lambda authorizer's answer: a `Statement` (one object or a list) of
 * `Effect` `Allow` or `Deny`, `Action` or `NotAction`, `Resource` or `NotResource`, each a string or a list
 * of strings. Actions match without regard to case and resources with it, `*` standing for any characters
 * (`/` included) and `?` for one, as IAM matches them. A `Condition` is refused: the local gateway does not
 * evaluate conditions, and ignoring one would allow what AWS may deny.
 * @returns the compiled policy, or why the document is not a policy API Gateway can read (API Gateway then
 *   answers `AUTHORIZER_CONFIGURATION_ERROR`)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function compilePolicy(document: unknown): CompiledPolicy | { readonly invalid: string } {
  if (!isObject(document)) return { invalid: `policyDocument must be an object, got ${describe(document)}` };
  const raw = document.Statement;
  if (raw === undefined) return { invalid: 'policyDocument has no Statement' };
  const list = Array.isArray(raw) ? raw : [raw];
  const statements: CompiledStatement[] = [];
  for (const [index, statement] of list.entries()) {
    const compiled = compileStatement(statement, index);
    if ('invalid' in compiled) return compiled;
    statements.push(compiled);
  }
  return {
    evaluate(arn) {
      let allowed = false;
      for (const statement of statements) {
        if (!statement.action(INVOKE) || !statement.resource(arn)) continue;
        if (statement.effect === 'Deny') return 'explicit-deny';
        allowed = true;
      }
      return allowed ? 'allow' : 'implicit-deny';
    },
  };
}

function compileStatement(statement: unknown, index: number): CompiledStatement | { invalid: string } {
  const where = `Statement[${index}]`;
  if (!isObject(statement)) return { invalid: `${where} must be an object, got ${describe(statement)}` };
  const effect = statement.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') {
    return { invalid: `${where}.Effect must be "Allow" or "Deny", got ${describe(effect)}` };
  }
  if (statement.Condition !== undefined) {
    return { invalid: `${where} has a Condition, which the local gateway does not evaluate` };
  }
  const action = matcherOf(statement, 'Action', 'NotAction', where, true);
  if ('invalid' in action) return action;
  const resource = matcherOf(statement, 'Resource', 'NotResource', where, false);
  if ('invalid' in resource) return resource;
  return { effect, action: action.matches, resource: resource.matches };
}

function matcherOf(
  statement: Record<string, unknown>,
  key: string,
  notKey: string,
  where: string,
  ignoreCase: boolean,
): { matches: (value: string) => boolean } | { invalid: string } {
  const positive = statement[key];
  const negative = statement[notKey];
  if ((positive === undefined) === (negative === undefined)) {
    return { invalid: `${where} must have exactly one of ${key} and ${notKey}` };
  }
  const raw = positive ?? negative;
  const patterns = Array.isArray(raw) ? raw : [raw];
  if (patterns.length === 0 || patterns.some((pattern) => typeof pattern !== 'string')) {
    return {
      invalid: `${where}.${positive === undefined ? notKey : key} must be a string or a list of strings`,
    };
  }
  const regexes = (patterns as string[]).map((pattern) => wildcardRegex(pattern, ignoreCase));
  const any = (value: string) => regexes.some((regex) => regex.test(value));
  return { matches: positive === undefined ? (value) => !any(value) : any };
}

/** An IAM pattern as a full-match regular expression: `*` any run of characters, `?` one character. */
export function wildcardRegex(pattern: string, ignoreCase = false): RegExp {
  let source = '';
  for (const char of pattern) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
