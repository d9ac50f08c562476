import type { CfnTemplate } from './cfn-template.js';
import { stableId } from './physical-ids.js';

/**
 * The values of pseudo parameters as the local gateway reports them.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
 */
export interface PseudoParameters {
  /** @default 'us-east-1', or `AWS_REGION` / `AWS_DEFAULT_REGION` when set */
  readonly region: string;
  /** @default '123456789012' */
  readonly accountId: string;
  /** @default 'aws' */
  readonly partition: string;
  /** @default 'amazonaws.com' */
  readonly urlSuffix: string;
}

/** Pseudo parameters for a machine with no AWS account: a documentation account ID and the caller's region. */
export function localPseudoParameters(env: NodeJS.ProcessEnv = process.env): PseudoParameters {
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    accountId: '123456789012',
    partition: 'aws',
    urlSuffix: 'amazonaws.com',
  };
}

/** Thrown when a value cannot be resolved locally; the message says which intrinsic and why. */
export class UnresolvableValueError extends Error {
  override readonly name = 'UnresolvableValueError';
}

/** Marks a property to drop, as `AWS::NoValue` does. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/**
 * Resolves `Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`, `Fn::Select`, `Fn::Split`, `Fn::If` and pseudo
 * parameters to the local values of one stack: every resource gets a stable physical ID, Lambda functions
 * get local ARNs, REST APIs their root resource ID.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
export class IntrinsicResolver {
  readonly #template: CfnTemplate;
  readonly #stackName: string;
  readonly #pseudo: PseudoParameters;
  readonly #refCache = new Map<string, string>();

  constructor(template: CfnTemplate, stackName: string, pseudo: PseudoParameters) {
    this.#template = template;
    this.#stackName = stackName;
    this.#pseudo = pseudo;
  }

  /** The pseudo parameters in force. */
  get pseudo(): PseudoParameters {
    return this.#pseudo;
  }

  /** Resolves every intrinsic inside `value`, recursively. */
  resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v)).filter((v) => v !== NO_VALUE);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    if (entries.length === 1) {
      const [key, arg] = entries[0]!;
      switch (key) {
        case 'Ref':
          return this.ref(String(arg));
        case 'Fn::GetAtt':
          return this.getAtt(arg);
        case 'Fn::Join':
          return this.join(arg);
        case 'Fn::Sub':
          return this.sub(arg);
        case 'Fn::Select':
          return this.select(arg);
        case 'Fn::Split':
          return this.split(arg);
        case 'Fn::If':
          return this.if(arg);
        case 'Fn::ImportValue':
        case 'Fn::GetAZs':
        case 'Fn::FindInMap':
        case 'Fn::Base64':
        case 'Fn::Cidr':
          throw new UnresolvableValueError(`${key} is not supported locally: ${JSON.stringify(arg)}`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      const resolved = this.resolve(v);
      if (resolved !== NO_VALUE) out[k] = resolved;
    }
    return out;
  }

  /** Resolves `value` and requires a string. */
  resolveString(value: unknown, what: string): string {
    const resolved = this.resolve(value);
    if (typeof resolved !== 'string' && typeof resolved !== 'number') {
      throw new UnresolvableValueError(`${what} must resolve to a string, got ${JSON.stringify(resolved)}`);
    }
    return String(resolved);
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
      if (parameter.Default === undefined) {
        throw new UnresolvableValueError(`parameter "${name}" has no Default, so it has no local value`);
      }
      return String(parameter.Default);
    }
    const resource = this.#template.Resources?.[name];
    if (!resource) throw new UnresolvableValueError(`Ref to "${name}", which is not in the template`);
    const value = this.#physicalId(name, resource.Type, resource.Properties ?? {});
    this.#refCache.set(name, value);
    return value;
  }

  #physicalId(logicalId: string, type: string, props: Record<string, unknown>): string {
    const named = (key: string) =>
      props[key] !== undefined ? this.resolveString(props[key], key) : undefined;
    switch (type) {
      case 'AWS::Lambda::Function':
        return named('FunctionName') ?? `${this.#stackName}-${logicalId}`.slice(0, 64);
      case 'AWS::DynamoDB::Table':
        return (
          named('TableName') ?? `${this.#stackName}-${logicalId}-${stableId(logicalId, 12).toUpperCase()}`
        );
      case 'AWS::IAM::Role':
        return named('RoleName') ?? `${this.#stackName}-${logicalId}`.slice(0, 64);
      case 'AWS::ApiGateway::Stage':
      case 'AWS::ApiGatewayV2::Stage':
        return named('StageName') ?? stableId(`${this.#stackName}/${logicalId}`);
      case 'AWS::Kinesis::Stream':
        return named('Name') ?? `${this.#stackName}-${logicalId}`;
      case 'AWS::SQS::Queue':
        return `https://sqs.${this.#pseudo.region}.${this.#pseudo.urlSuffix}/${this.#pseudo.accountId}/${named('QueueName') ?? `${this.#stackName}-${logicalId}`}`;
      default:
        return stableId(`${this.#stackName}/${logicalId}`);
    }
  }

  /** The value of `Fn::GetAtt`. */
  getAtt(arg: unknown): string {
    const [logicalId, attribute] = typeof arg === 'string' ? splitOnce(arg) : (arg as [string, string]);
    const resource = this.#template.Resources?.[logicalId];
    if (!resource)
      throw new UnresolvableValueError(`Fn::GetAtt to "${logicalId}", which is not in the template`);
    const { partition, region, accountId } = this.#pseudo;
    const id = this.ref(logicalId) as string;
    switch (`${resource.Type}.${attribute}`) {
      case 'AWS::Lambda::Function.Arn':
        return `arn:${partition}:lambda:${region}:${accountId}:function:${id}`;
      case 'AWS::ApiGateway::RestApi.RootResourceId':
        return stableId(`${this.#stackName}/${logicalId}/`);
      case 'AWS::DynamoDB::Table.Arn':
        return `arn:${partition}:dynamodb:${region}:${accountId}:table/${id}`;
      case 'AWS::IAM::Role.Arn':
        return `arn:${partition}:iam::${accountId}:role/${id}`;
      case 'AWS::Kinesis::Stream.Arn':
        return `arn:${partition}:kinesis:${region}:${accountId}:stream/${id}`;
      case 'AWS::SQS::Queue.Arn':
        return `arn:${partition}:sqs:${region}:${accountId}:${id.split('/').pop()}`;
      case 'AWS::SQS::Queue.QueueName':
        return id.split('/').pop() ?? id;
      case 'AWS::ApiGatewayV2::Api.ApiEndpoint':
        return `https://${id}.execute-api.${region}.${this.#pseudo.urlSuffix}`;
      default:
        return `${id}.${attribute}`;
    }
  }

  private join(arg: unknown): string {
    const [separator, parts] = arg as [string, unknown[]];
    const resolved = this.resolve(parts);
    if (!Array.isArray(resolved)) throw new UnresolvableValueError(`Fn::Join of ${JSON.stringify(parts)}`);
    return resolved.map(String).join(separator);
  }

  private sub(arg: unknown): string {
    const [text, vars] = typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, unknown>]);
    return text.replace(/\$\{(!?)([^}]+)\}/g, (_whole, bang: string, name: string) => {
      if (bang) return `\${${name}}`;
      if (name in vars) return String(this.resolve(vars[name]));
      if (name.includes('.') && !name.startsWith('AWS::')) return this.getAtt(splitOnce(name));
      return String(this.ref(name));
    });
  }

  private select(arg: unknown): unknown {
    const [index, list] = arg as [unknown, unknown];
    const resolved = this.resolve(list);
    if (!Array.isArray(resolved)) throw new UnresolvableValueError(`Fn::Select from ${JSON.stringify(list)}`);
    return resolved[Number(this.resolve(index))];
  }

  private split(arg: unknown): string[] {
    const [separator, text] = arg as [string, unknown];
    return this.resolveString(text, 'Fn::Split source').split(separator);
  }

  private if(arg: unknown): unknown {
    const [condition, whenTrue, whenFalse] = arg as [string, unknown, unknown];
    throw new UnresolvableValueError(
      `Fn::If on condition "${condition}" is not supported locally (${JSON.stringify([whenTrue, whenFalse])})`,
    );
  }
}

function splitOnce(text: string): [string, string] {
  const dot = text.indexOf('.');
  return [text.slice(0, dot), text.slice(dot + 1)];
}
