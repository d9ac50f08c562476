import type { CfnTemplate } from './cfn-template.js';
import { ConditionError, ConditionEvaluator } from './conditions.js';
import { fnJoin, fnSelect, fnSplit } from './list-intrinsics.js';
import { type ExportLookup, fnFindInMap, fnImportValue } from './lookup-intrinsics.js';
import { knownAttribute, physicalId, stableId } from './physical-ids.js';
import type { PseudoParameters } from './pseudo-parameters.js';
import { fnSub, splitAttributeName } from './sub-intrinsic.js';
import { NO_VALUE, UnresolvableValueError } from './unresolvable-value.js';

/** Options of {@link IntrinsicResolver}. */
export interface IntrinsicResolverOptions {
  /**
   * Where `Fn::ImportValue` finds the exports of the other stacks of the assembly.
   * @default - no stack exports anything, so every `Fn::ImportValue` is refused
   */
  readonly imports?: ExportLookup;
}

/**
 * Resolves `Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`, `Fn::Select`, `Fn::Split`, `Fn::FindInMap` (with the
 * template's `Mappings`), `Fn::ImportValue` (with the exports of the other stacks of the assembly),
 * `Fn::If` and the condition functions (with the template's `Conditions`), `Fn::Base64`, `Fn::GetAZs` and
 * pseudo parameters to the local values of one stack: every resource gets a stable physical ID, Lambda
 * functions get local ARNs, REST APIs their root resource ID.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
export class IntrinsicResolver {
  readonly #template: CfnTemplate;
  readonly #stackName: string;
  readonly #pseudo: PseudoParameters;
  readonly #imports: ExportLookup | undefined;
  readonly #refCache = new Map<string, string>();
  readonly #opaque = new Map<string, string>();
  readonly #conditions: ConditionEvaluator;
  /** {@link resolve} and {@link resolveString} of this resolver, for the intrinsic functions it calls. */
  readonly #resolve = (value: unknown): unknown => this.resolve(value);
  readonly #resolveString = (value: unknown, what: string): string => this.resolveString(value, what);

  constructor(
    template: CfnTemplate,
    stackName: string,
    pseudo: PseudoParameters,
    options: IntrinsicResolverOptions = {},
  ) {
    this.#template = template;
    this.#stackName = stackName;
    this.#pseudo = pseudo;
    this.#imports = options.imports;
    this.#conditions = new ConditionEvaluator(template.Conditions ?? {}, (value) => this.resolve(value));
  }

  /** The pseudo parameters in force. */
  get pseudo(): PseudoParameters {
    return this.#pseudo;
  }

  /** The stack name `AWS::StackName` resolves to. */
  get stackName(): string {
    return this.#stackName;
  }

  /** Resolves every intrinsic inside `value`, recursively. */
  resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v)).filter((v) => v !== NO_VALUE);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    if (entries.length === 1) {
      const [key, arg] = entries[0]!;
      try {
        const resolved = this.#intrinsic(key, arg, value);
        if (resolved !== NOT_AN_INTRINSIC) return resolved;
      } catch (error) {
        if (
          (error instanceof UnresolvableValueError && error.node === undefined) ||
          error instanceof ConditionError
        ) {
          throw new UnresolvableValueError((error as Error).message, value);
        }
        throw error;
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      const resolved = this.resolve(v);
      if (resolved !== NO_VALUE) out[k] = resolved;
    }
    return out;
  }

  #intrinsic(key: string, arg: unknown, node: object): unknown {
    switch (key) {
      case 'Ref':
        return this.#refValue(String(arg));
      case 'Fn::GetAtt':
        return this.getAtt(arg);
      case 'Fn::Join':
        return fnJoin(arg, this.#resolve);
      case 'Fn::Sub':
        return fnSub(arg, this);
      case 'Fn::Select':
        return fnSelect(arg, this.#resolve);
      case 'Fn::Split':
        return fnSplit(arg, this.#resolveString);
      case 'Fn::If':
        return this.#if(arg);
      case 'Fn::FindInMap':
        return fnFindInMap(arg, this.#template.Mappings, this.#resolve, this.#resolveString);
      case 'Fn::ImportValue':
        return fnImportValue(arg, this.#imports, this.#resolveString);
      case 'Fn::Base64':
        return Buffer.from(this.resolveString(arg, 'Fn::Base64 input')).toString('base64');
      case 'Fn::GetAZs':
        return ['a', 'b', 'c'].map((zone) => `${this.#pseudo.region}${zone}`);
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
      case 'Condition':
        return this.#conditions.evaluate({ [key]: arg });
      case 'Fn::Cidr':
      case 'Fn::Transform':
        throw new UnresolvableValueError(`${key} is not supported locally: ${JSON.stringify(arg)}`, node);
      default:
        return NOT_AN_INTRINSIC;
    }
  }

  /** Resolves `value` and requires a string. */
  resolveString(value: unknown, what: string): string {
    const resolved = this.resolve(value);
    if (typeof resolved !== 'string' && typeof resolved !== 'number') {
      throw new UnresolvableValueError(
        `${what} must resolve to a string, got ${JSON.stringify(resolved)}`,
        value,
      );
    }
    return String(resolved);
  }

  /** Whether the condition `name` of the template's `Conditions` holds. */
  conditionHolds(name: string): boolean {
    try {
      return this.#conditions.holds(name);
    } catch (error) {
      if (error instanceof ConditionError) throw new UnresolvableValueError(error.message);
      throw error;
    }
  }

  /**
   * When `text` holds a value the gateway made up for an attribute it does not know (e.g. the `DNSName` of
   * a load balancer, which only exists once deployed), the `Fn::GetAtt` it came from, e.g. `Lb.DNSName`.
   */
  opaqueAttributeIn(text: string): string | undefined {
    for (const [value, attribute] of this.#opaque) if (text.includes(value)) return attribute;
    return undefined;
  }

  /**
   * The logical IDs of the template's resources whose `Ref` value appears in `text`, e.g. the listener an
   * integration URI names by its ARN.
   */
  resourcesNamedIn(text: string): string[] {
    const found: string[] = [];
    for (const [logicalId, value] of this.#refCache)
      if (value.length > 3 && text.includes(value)) found.push(logicalId);
    return found;
  }

  #refValue(name: string): unknown {
    const parameter = this.#template.Parameters?.[name];
    if (parameter?.Type && /^(CommaDelimitedList|List<)/.test(parameter.Type)) {
      return parameter.Default === undefined ? this.ref(name) : String(parameter.Default).split(',');
    }
    return this.ref(name);
  }

  /** The value of `Ref` to a parameter, pseudo parameter or resource. */
  ref(name: string): string | typeof NO_VALUE {
    switch (name) {
      case 'AWS::Region':
        return this.#pseudo.region;
      case 'AWS::AccountId':
        return this.#pseudo.accountId;
      case 'AWS::Partition':
        return this.#pseudo.partition;
      case 'AWS::URLSuffix':
        return this.#pseudo.urlSuffix;
      case 'AWS::StackName':
        return this.#stackName;
      case 'AWS::StackId':
        return `arn:${this.#pseudo.partition}:cloudformation:${this.#pseudo.region}:${this.#pseudo.accountId}:stack/${this.#stackName}/${stableId(this.#stackName, 8)}`;
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::NotificationARNs':
        throw new UnresolvableValueError('Ref AWS::NotificationARNs is not supported locally');
    }
    const cached = this.#refCache.get(name);
    if (cached !== undefined) return cached;
    const parameter = this.#template.Parameters?.[name];
    if (parameter) {
      if (parameter.Type?.startsWith('AWS::SSM::Parameter::')) {
        throw new UnresolvableValueError(
          `parameter "${name}" takes its value from the SSM parameter ${JSON.stringify(parameter.Default)}, which is not known locally`,
        );
      }
      if (parameter.Default === undefined) {
        throw new UnresolvableValueError(`parameter "${name}" has no Default, so it has no local value`);
      }
      return String(parameter.Default);
    }
    const resource = this.#template.Resources?.[name];
    if (!resource) throw new UnresolvableValueError(`Ref to "${name}", which is not in the template`);
    const value = physicalId(this.#stackName, name, resource.Type, this.#pseudo, (key) => {
      const props = resource.Properties ?? {};
      return props[key] !== undefined ? this.resolveString(props[key], key) : undefined;
    });
    this.#refCache.set(name, value);
    return value;
  }

  /** The value of `Fn::GetAtt`. */
  getAtt(arg: unknown): string {
    const [logicalId, rawAttribute] =
      typeof arg === 'string' ? splitAttributeName(arg) : (arg as [string, unknown]);
    const attribute =
      typeof rawAttribute === 'string' ? rawAttribute : this.resolveString(rawAttribute, 'attribute');
    const resource = this.#template.Resources?.[logicalId];
    if (!resource)
      throw new UnresolvableValueError(`Fn::GetAtt to "${logicalId}", which is not in the template`);
    const id = this.ref(logicalId) as string;
    const known = knownAttribute(this.#stackName, logicalId, resource.Type, attribute, id, this.#pseudo);
    if (known !== undefined) return known;
    const made = `${id}.${attribute}`;
    this.#opaque.set(made, `${logicalId}.${attribute}`);
    return made;
  }

  #if(arg: unknown): unknown {
    const [condition, whenTrue, whenFalse] = arg as [string, unknown, unknown];
    return this.resolve(this.#conditions.holds(condition) ? whenTrue : whenFalse);
  }
}

const NOT_AN_INTRINSIC: unique symbol = Symbol('not an intrinsic');
