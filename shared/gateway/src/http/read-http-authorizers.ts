import type { CfnResource } from '../assembly/cfn-template.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';
import { authorizerFunction, type FunctionLookup } from '../auth/authorizer-function.js';
import { type IdentitySource, parseHttpIdentitySource } from '../auth/identity-source.js';
import type { TrustedIssuers } from '../auth/trusted-issuers.js';
import { GatewayConfigError } from '../errors.js';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';
import type { HttpAuthorizer, HttpRouteAuthorization } from './http-authorizer-model.js';

/** What reading the authorizers of one HTTP API needs. */
export interface HttpAuthorizerReading {
  readonly stack: LoadedStack;
  readonly resolver: IntrinsicResolver;
  readonly functionsByArn: FunctionLookup;
  /** The issuers whose tokens JWT authorizers can verify. */
  readonly issuers: TrustedIssuers;
}

/**
 * Reads the `AWS::ApiGatewayV2::Authorizer` resources of one HTTP API (`mine`), by authorizer ID: JWT
 * authorizers whose issuer the gateway trusts (a user pool of the stack, or an issuer given a JWKS file), and
 * Lambda (`REQUEST`) authorizers whose function has local code.
 * @throws GatewayConfigError naming the authorizer and the bad value
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-authorizer.html
 */
export function readHttpAuthorizers(
  reading: HttpAuthorizerReading,
  mine: ReadonlyArray<readonly [string, CfnResource]>,
): Map<string, HttpAuthorizer> {
  const authorizers = new Map<string, HttpAuthorizer>();
  for (const [logicalId, resource] of mine) {
    if (resource.Type !== 'AWS::ApiGatewayV2::Authorizer') continue;
    const authorizer = readAuthorizer(reading, logicalId, resource);
    authorizers.set(authorizer.authorizerId, authorizer);
  }
  return authorizers;
}

/**
 * Reads how one route is authorized (`AuthorizationType`, `AuthorizerId`, `AuthorizationScopes`, resolved).
 * @returns `undefined` for `NONE`
 * @throws GatewayConfigError for an authorizer ID that names no authorizer of the API, a type that does not
 *   match the authorizer's, and `AWS_IAM` (see docs/http-api.md)
 */
export function readRouteAuthorization(
  reading: HttpAuthorizerReading,
  logicalId: string,
  props: Readonly<Record<string, unknown>>,
  authorizers: ReadonlyMap<string, HttpAuthorizer>,
): HttpRouteAuthorization | undefined {
  const fail = (message: string): never => {
    throw new GatewayConfigError(message, { file: reading.stack.templateFile, resource: logicalId });
  };
  const type = props.AuthorizationType ?? 'NONE';
  if (type === 'NONE') return undefined;
  if (type === 'AWS_IAM') {
    return fail(
      'AuthorizationType "AWS_IAM" is not supported by the local gateway: it has no IAM to evaluate a caller\'s SigV4 signature against (see docs/http-api.md, "Authorizers")',
    );
  }
  if (type !== 'JWT' && type !== 'CUSTOM') {
    return fail(`AuthorizationType must be NONE, JWT, CUSTOM or AWS_IAM, got ${JSON.stringify(type)}`);
  }
  const authorizer = typeof props.AuthorizerId === 'string' ? authorizers.get(props.AuthorizerId) : undefined;
  if (!authorizer) {
    return fail(
      `AuthorizationType ${type} needs an AuthorizerId of an authorizer of this API, got ${JSON.stringify(props.AuthorizerId)}`,
    );
  }
  if (type === 'CUSTOM') {
    if (authorizer.kind !== 'lambda') {
      return fail(
        `AuthorizationType is CUSTOM, but the authorizer ${authorizer.logicalId} is a JWT authorizer`,
      );
    }
    return { type, authorizer };
  }
  if (authorizer.kind !== 'jwt') {
    return fail(
      `AuthorizationType is JWT, but the authorizer ${authorizer.logicalId} is a Lambda authorizer`,
    );
  }
  const scopes = props.AuthorizationScopes ?? [];
  if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== 'string')) {
    return fail(`AuthorizationScopes must be a list of strings, got ${JSON.stringify(scopes)}`);
  }
  return { type, authorizer, scopes: scopes as string[] };
}

function readAuthorizer(
  reading: HttpAuthorizerReading,
  logicalId: string,
  resource: CfnResource,
): HttpAuthorizer {
  const fail = (message: string): never => {
    throw new GatewayConfigError(message, { file: reading.stack.templateFile, resource: logicalId });
  };
  const props = reading.resolver.resolve(resource.Properties ?? {}) as Record<string, unknown>;
  const authorizerId = reading.resolver.ref(logicalId) as string;
  const identitySources = readIdentitySources(props.IdentitySource, fail);
  if (props.AuthorizerType === 'JWT') {
    const config = (props.JwtConfiguration ?? {}) as Record<string, unknown>;
    if (
      identitySources.length !== 1 ||
      identitySources[0]!.location === 'context' ||
      identitySources[0]!.location === 'stageVariables'
    ) {
      fail(
        `a JWT authorizer needs one IdentitySource, a $request.header.<name> or $request.querystring.<name>, got ${JSON.stringify(props.IdentitySource)}`,
      );
    }
    if (typeof config.Issuer !== 'string') {
      fail(`a JWT authorizer needs JwtConfiguration.Issuer, got ${JSON.stringify(config.Issuer)}`);
    }
    const issuer = reading.issuers.issuer(config.Issuer as string);
    if (!issuer) {
      fail(
        `the JWT issuer ${config.Issuer} is not a user pool of this stack, and no JWKS file is given for it (cors-gateway serve --jwks ${config.Issuer}=<file>)`,
      );
    }
    const audiences = config.Audience ?? [];
    if (!Array.isArray(audiences) || audiences.some((audience) => typeof audience !== 'string')) {
      fail(`JwtConfiguration.Audience must be a list of strings, got ${JSON.stringify(audiences)}`);
    }
    return {
      kind: 'jwt',
      logicalId,
      authorizerId,
      identitySource: identitySources[0]!,
      issuer: issuer!,
      audiences: audiences as string[],
    };
  }
  if (props.AuthorizerType !== 'REQUEST') {
    return fail(`AuthorizerType must be JWT or REQUEST, got ${JSON.stringify(props.AuthorizerType)}`);
  }
  const version = props.AuthorizerPayloadFormatVersion;
  if (version !== '1.0' && version !== '2.0') {
    return fail(
      `a REQUEST authorizer needs AuthorizerPayloadFormatVersion "1.0" or "2.0", got ${JSON.stringify(version)}`,
    );
  }
  const simpleResponses = props.EnableSimpleResponses === true || props.EnableSimpleResponses === 'true';
  if (simpleResponses && version !== '2.0') {
    fail('EnableSimpleResponses needs AuthorizerPayloadFormatVersion "2.0"');
  }
  const ttl =
    props.AuthorizerResultTtlInSeconds === undefined ? 0 : Number(props.AuthorizerResultTtlInSeconds);
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600) {
    fail(
      `AuthorizerResultTtlInSeconds must be an integer from 0 to 3600, got ${JSON.stringify(props.AuthorizerResultTtlInSeconds)}`,
    );
  }
  if (ttl > 0 && identitySources.length === 0) {
    fail(
      'a REQUEST authorizer needs at least one IdentitySource when caching is enabled (AuthorizerResultTtlInSeconds above 0)',
    );
  }
  return {
    kind: 'lambda',
    logicalId,
    authorizerId,
    identitySources,
    lambda: functionOf(String(props.AuthorizerUri ?? ''), reading, fail),
    payloadFormatVersion: version,
    simpleResponses,
    ttlSeconds: ttl,
  };
}

function readIdentitySources(raw: unknown, fail: (message: string) => never): IdentitySource[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((expression) => {
    const source = typeof expression === 'string' ? parseHttpIdentitySource(expression) : undefined;
    if (!source) {
      fail(
        `IdentitySource ${JSON.stringify(expression)} is not $request.header.<name>, $request.querystring.<name>, $context.<name> or $stageVariables.<name>`,
      );
    }
    return source!;
  });
}

function functionOf(
  uri: string,
  reading: { readonly functionsByArn: FunctionLookup },
  fail: (message: string) => never,
): LambdaFunctionDefinition {
  const lambda = authorizerFunction(uri, reading.functionsByArn);
  return 'invalid' in lambda ? fail(lambda.invalid) : lambda;
}
