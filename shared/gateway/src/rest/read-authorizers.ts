import type { CfnResource } from '../assembly/cfn-template.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';
import { authorizerFunction, type FunctionLookup } from '../auth/authorizer-function.js';
import { type IdentitySource, parseRestIdentitySource } from '../auth/identity-source.js';
import { issuerOfPoolArn, type TrustedIssuer, type TrustedIssuers } from '../auth/trusted-issuers.js';
import { GatewayConfigError } from '../errors.js';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';
import type { RestAuthorizer, RestMethodAuthorization } from './rest-authorizer-model.js';

/** What reading the authorizers of one REST API needs. */
export interface AuthorizerReading {
  readonly stack: LoadedStack;
  readonly resolver: IntrinsicResolver;
  readonly functionsByArn: FunctionLookup;
  /** The issuers whose tokens Cognito authorizers can verify. */
  readonly issuers: TrustedIssuers;
}

const INVALID_AUTHORIZER_ID =
  'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.';

/**
 * Reads the `AWS::ApiGateway::Authorizer` resources of one REST API (`mine`), by authorizer ID: Lambda
 * authorizers (`TOKEN`, `REQUEST`) whose function has local code, and Cognito authorizers whose user pools
 * are in the assembly or have a JWKS file.
 * @throws GatewayConfigError naming the authorizer and the bad value
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-authorizer.html
 */
export function readRestAuthorizers(
  reading: AuthorizerReading,
  mine: ReadonlyArray<readonly [string, CfnResource]>,
): Map<string, RestAuthorizer> {
  const authorizers = new Map<string, RestAuthorizer>();
  for (const [logicalId, resource] of mine) {
    if (resource.Type !== 'AWS::ApiGateway::Authorizer') continue;
    const authorizer = readAuthorizer(reading, logicalId, resource);
    authorizers.set(authorizer.authorizerId, authorizer);
  }
  return authorizers;
}

/**
 * Reads how one `AWS::ApiGateway::Method` is authorized (`AuthorizationType`, `AuthorizerId`,
 * `AuthorizationScopes`).
 * @returns `undefined` for `NONE`
 * @throws GatewayConfigError for an authorizer ID that names no authorizer of the API, a type that does not
 *   match the authorizer's, and `AWS_IAM` (see docs/behaviour.md)
 */
export function readMethodAuthorization(
  reading: AuthorizerReading,
  logicalId: string,
  props: Readonly<Record<string, unknown>>,
  authorizers: ReadonlyMap<string, RestAuthorizer>,
): RestMethodAuthorization | undefined {
  const fail = (message: string): never => {
    throw new GatewayConfigError(message, { file: reading.stack.templateFile, resource: logicalId });
  };
  const type =
    props.AuthorizationType === undefined ? 'NONE' : reading.resolver.resolve(props.AuthorizationType);
  if (type === 'NONE') return undefined;
  if (type === 'AWS_IAM') {
    return fail(
      'AuthorizationType "AWS_IAM" is not supported by the local gateway: it has no IAM to evaluate a caller\'s SigV4 signature against (see docs/behaviour.md, "Authorizers")',
    );
  }
  if (type !== 'CUSTOM' && type !== 'COGNITO_USER_POOLS') {
    return fail(
      `AuthorizationType must be NONE, CUSTOM, COGNITO_USER_POOLS or AWS_IAM, got ${JSON.stringify(type)}`,
    );
  }
  const id = props.AuthorizerId === undefined ? undefined : reading.resolver.resolve(props.AuthorizerId);
  const authorizer = typeof id === 'string' ? authorizers.get(id) : undefined;
  if (!authorizer) return fail(INVALID_AUTHORIZER_ID);
  if (type === 'CUSTOM') {
    if (authorizer.type === 'COGNITO_USER_POOLS') {
      return fail(
        `AuthorizationType is CUSTOM, but the authorizer ${authorizer.logicalId} is a Cognito authorizer`,
      );
    }
    return { type, authorizer };
  }
  if (authorizer.type !== 'COGNITO_USER_POOLS') {
    return fail(
      `AuthorizationType is COGNITO_USER_POOLS, but the authorizer ${authorizer.logicalId} is a ${authorizer.type} Lambda authorizer`,
    );
  }
  const scopes = reading.resolver.resolve(props.AuthorizationScopes ?? []);
  if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== 'string')) {
    return fail(`AuthorizationScopes must be a list of strings, got ${JSON.stringify(scopes)}`);
  }
  return { type, authorizer, scopes: scopes as string[] };
}

function readAuthorizer(
  reading: AuthorizerReading,
  logicalId: string,
  resource: CfnResource,
): RestAuthorizer {
  const { resolver } = reading;
  const fail = (message: string): never => {
    throw new GatewayConfigError(message, { file: reading.stack.templateFile, resource: logicalId });
  };
  const props = resolver.resolve(resource.Properties ?? {}) as Record<string, unknown>;
  const type = props.Type;
  const ttl =
    props.AuthorizerResultTtlInSeconds === undefined ? 300 : Number(props.AuthorizerResultTtlInSeconds);
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600) {
    fail(
      `AuthorizerResultTtlInSeconds must be an integer from 0 to 3600, got ${JSON.stringify(props.AuthorizerResultTtlInSeconds)}`,
    );
  }
  const identitySources = readIdentitySources(props.IdentitySource, fail);
  const base = {
    logicalId,
    authorizerId: resolver.ref(logicalId) as string,
    identitySources,
    validationExpression: readValidationExpression(props.IdentityValidationExpression, fail),
    ttlSeconds: ttl,
  };
  if (type === 'TOKEN' || type === 'COGNITO_USER_POOLS') {
    if (identitySources.length !== 1 || identitySources[0]!.location !== 'header') {
      fail(
        `a ${type} authorizer needs one IdentitySource of the form method.request.header.<name>, got ${JSON.stringify(props.IdentitySource)}`,
      );
    }
  }
  if (type === 'TOKEN' || type === 'REQUEST') {
    if (type === 'REQUEST' && ttl > 0 && identitySources.length === 0) {
      fail(
        'a REQUEST authorizer needs at least one IdentitySource when caching is enabled (AuthorizerResultTtlInSeconds above 0)',
      );
    }
    return { ...base, type, lambda: functionOf(String(props.AuthorizerUri ?? ''), reading, fail) };
  }
  if (type === 'COGNITO_USER_POOLS') {
    return { ...base, type, issuers: readProviders(reading, props.ProviderARNs, fail) };
  }
  return fail(`Type must be TOKEN, REQUEST or COGNITO_USER_POOLS, got ${JSON.stringify(type)}`);
}

function readIdentitySources(raw: unknown, fail: (message: string) => never): IdentitySource[] {
  if (raw === undefined || raw === '') return [];
  if (typeof raw !== 'string') return fail(`IdentitySource must be a string, got ${JSON.stringify(raw)}`);
  return raw.split(',').map((expression) => {
    const source = parseRestIdentitySource(expression);
    if (!source) {
      fail(
        `IdentitySource ${JSON.stringify(expression.trim())} is not method.request.header.<name>, method.request.querystring.<name>, stageVariables.<name> or context.<name>`,
      );
    }
    return source!;
  });
}

function readValidationExpression(raw: unknown, fail: (message: string) => never): RegExp | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    return new RegExp(`^(?:${String(raw)})$`);
  } catch (error) {
    return fail(
      `IdentityValidationExpression ${JSON.stringify(raw)} is not a regular expression: ${(error as Error).message}`,
    );
  }
}

function functionOf(
  uri: string,
  reading: { readonly functionsByArn: FunctionLookup },
  fail: (message: string) => never,
): LambdaFunctionDefinition {
  const lambda = authorizerFunction(uri, reading.functionsByArn);
  return 'invalid' in lambda ? fail(lambda.invalid) : lambda;
}
function readProviders(
  reading: AuthorizerReading,
  raw: unknown,
  fail: (message: string) => never,
): TrustedIssuer[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    return fail(`a COGNITO_USER_POOLS authorizer needs ProviderARNs, got ${JSON.stringify(raw)}`);
  }
  return raw.map((arn) => {
    const issuer = issuerOfPoolArn(String(arn));
    if (!issuer) return fail(`ProviderARNs has ${JSON.stringify(arn)}, which is not a Cognito user pool ARN`);
    const trusted = reading.issuers.issuer(issuer);
    if (!trusted) {
      return fail(
        `the user pool ${String(arn)} is not in this stack, and no JWKS file is given for its issuer ${issuer} (cors-gateway serve --jwks ${issuer}=<file>)`,
      );
    }
    return trusted;
  });
}
