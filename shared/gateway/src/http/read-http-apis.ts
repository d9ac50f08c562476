import type { CfnResource } from '../assembly/cfn-template.js';
import { type FunctionsByArn, functionLookup } from '../assembly/function-catalog.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';
import { stackIssuers, type TrustedIssuers } from '../auth/trusted-issuers.js';
import { GatewayConfigError } from '../errors.js';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';
import { HttpCorsPolicy } from './cors-policy.js';
import type { HttpApiModel, HttpIntegration, HttpRoute, HttpStage } from './http-api-model.js';
import type { HttpAuthorizer } from './http-authorizer-model.js';
import { readCorsConfiguration } from './read-cors-configuration.js';
import { readHttpAuthorizers, readRouteAuthorization } from './read-http-authorizers.js';
import { readHttpIntegration } from './read-http-integration.js';
import { parseRouteKey } from './route-key.js';
import { readHttpStageThrottling } from './route-throttling.js';

/** API properties of the "quick create" and OpenAPI forms, which the local gateway does not read. */
const UNSUPPORTED_API_PROPERTIES = ['Body', 'BodyS3Location', 'Target', 'RouteKey', 'CredentialsArn'];

/**
 * Reads every `AWS::ApiGatewayV2::Api` of protocol `HTTP` in a stack, with its routes, `AWS_PROXY` Lambda
 * integrations, first-class AWS service integrations (`IntegrationSubtype`), `HTTP_PROXY` integrations, deployed stages and
 * `CorsConfiguration`, and refuses — naming the resource — what AWS would refuse at deploy time
 * (credentials allowed for the origin `*`, duplicate route keys, a target that is not an integration of the
 * API, a parameter mapping from an invalid source) and what the local gateway cannot serve (WebSocket APIs,
 * OpenAPI `Body`, `AWS_IAM` authorization, subtypes it has no backend for). JWT and Lambda authorizers are
 * read by `read-http-authorizers.ts`.
 * @param issuers - whose tokens JWT authorizers verify
 * @default issuers - the stack's user pools, signed by the local issuer
 * @throws GatewayConfigError naming the template and the resource
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-api.html
 * @example
 * ```ts
 * const functions = readLambdaFunctions(stack, resolver);
 * for (const api of readHttpApis(stack, resolver, functions)) console.log(api.logicalId, api.stageNames);
 * ```
 */
export function readHttpApis(
  stack: LoadedStack,
  resolver: IntrinsicResolver,
  functions: FunctionsByArn | ReadonlyMap<string, LambdaFunctionDefinition>,
  issuers: TrustedIssuers = stackIssuers(stack, resolver),
): HttpApiModel[] {
  const resources = Object.entries(stack.template.Resources ?? {});
  const functionsByArn = functionLookup(functions);
  const apis: HttpApiModel[] = [];
  for (const [logicalId, resource] of resources) {
    if (resource.Type !== 'AWS::ApiGatewayV2::Api') continue;
    const reader = new HttpApiReader(stack, resolver, functionsByArn, logicalId, resource, issuers);
    apis.push(reader.read(resources));
  }
  return apis;
}

class HttpApiReader {
  readonly #apiId: string;
  readonly #warnings: string[] = [];
  #authorizers: ReadonlyMap<string, HttpAuthorizer> = new Map();

  constructor(
    private readonly stack: LoadedStack,
    private readonly resolver: IntrinsicResolver,
    private readonly functionsByArn: FunctionsByArn,
    private readonly logicalId: string,
    private readonly resource: CfnResource,
    private readonly issuers: TrustedIssuers,
  ) {
    this.#apiId = resolver.ref(logicalId) as string;
  }

  read(resources: Array<[string, CfnResource]>): HttpApiModel {
    const props = this.resource.Properties ?? {};
    const protocol = props.ProtocolType === undefined ? undefined : this.resolver.resolve(props.ProtocolType);
    if (protocol === 'WEBSOCKET')
      this.#fail(
        'WebSocket APIs (ProtocolType WEBSOCKET) are not supported by the local gateway (see docs/behaviour.md#what-is-refused)',
      );
    for (const property of UNSUPPORTED_API_PROPERTIES) {
      if (props[property] !== undefined) {
        this.#fail(
          `an HTTP API defined with "${property}" (OpenAPI or quick create) is not supported by the local gateway; define its routes, integrations and stages as resources`,
        );
      }
    }
    if (protocol !== 'HTTP')
      this.#fail(`ProtocolType must be "HTTP" or "WEBSOCKET", got ${JSON.stringify(protocol)}`);

    let cors: HttpCorsPolicy | undefined;
    if (props.CorsConfiguration !== undefined) {
      const configuration = readCorsConfiguration(this.resolver.resolve(props.CorsConfiguration));
      if (typeof configuration === 'string') this.#fail(configuration);
      cors = new HttpCorsPolicy(configuration);
      for (const origin of cors.unmatchableOrigins) {
        this.#warnings.push(
          `CorsConfiguration.AllowOrigins has ${JSON.stringify(origin)}, which no browser sends as its Origin: only "*", "https://*", "http://*" and exact origins (scheme://host[:port]) match`,
        );
      }
    }
    if (this.resolver.resolve(props.DisableExecuteApiEndpoint) === true) {
      this.#warnings.push(
        'DisableExecuteApiEndpoint is true: on AWS only a custom domain reaches this API; the local gateway serves it anyway',
      );
    }

    const mine = resources.filter(([, r]) => this.#belongsHere(r));
    const integrations = new Map<string, HttpIntegration>();
    for (const [id, r] of mine) {
      if (r.Type === 'AWS::ApiGatewayV2::Integration') {
        const integration = readHttpIntegration(
          {
            resolver: this.resolver,
            templateFile: this.stack.templateFile,
            functionsByArn: this.functionsByArn,
          },
          id,
          r,
        );
        integrations.set(integration.integrationId, integration);
      }
    }
    this.#authorizers = readHttpAuthorizers(this.#authorizerReading(), mine);
    const routes: HttpRoute[] = [];
    const seen = new Map<string, string>();
    for (const [id, r] of mine) {
      if (r.Type !== 'AWS::ApiGatewayV2::Route') continue;
      const route = this.#readRoute(id, r, integrations);
      const identity =
        route.key.kind === 'default'
          ? '$default'
          : `${route.key.method} ${route.key.path.replace(/\{[^}+]+\}/g, '{}').replace(/\{[^}]+\+\}/, '{+}')}`;
      const earlier = seen.get(identity);
      if (earlier)
        this.#fail(
          `Route with key ${route.key.text} conflicts with the route ${earlier} of the same API`,
          id,
        );
      seen.set(identity, `${id} (${route.key.text})`);
      routes.push(route);
    }
    const stages = this.#readStages(mine);
    return {
      stackName: this.stack.stackName,
      logicalId: this.logicalId,
      apiId: this.#apiId,
      accountId: this.resolver.pseudo.accountId,
      region: this.resolver.pseudo.region,
      routes,
      stages,
      stageNames: [...stages.keys()],
      cors,
      warnings: this.#warnings,
    };
  }

  #authorizerReading() {
    const { stack, resolver, functionsByArn, issuers } = this;
    return { stack, resolver, functionsByArn, issuers };
  }

  #fail(message: string, resource = this.logicalId): never {
    throw new GatewayConfigError(message, { file: this.stack.templateFile, resource });
  }

  #belongsHere(resource: CfnResource): boolean {
    const apiId = resource.Properties?.ApiId;
    if (apiId === undefined || !resource.Type.startsWith('AWS::ApiGatewayV2::')) return false;
    try {
      return this.resolver.resolve(apiId) === this.#apiId;
    } catch {
      return false;
    }
  }

  #readRoute(
    logicalId: string,
    r: CfnResource,
    integrations: ReadonlyMap<string, HttpIntegration>,
  ): HttpRoute {
    const props = this.resolver.resolve(r.Properties ?? {}) as Record<string, unknown>;
    const key = parseRouteKey(String(props.RouteKey ?? ''));
    if (typeof key === 'string') this.#fail(key, logicalId);
    const authorization = readRouteAuthorization(
      this.#authorizerReading(),
      logicalId,
      props,
      this.#authorizers,
    );
    if (props.Target === undefined) {
      this.#fail(
        `the route ${key.text} has no Target, so the local gateway has nothing to send its requests to`,
        logicalId,
      );
    }
    const target = String(props.Target);
    const integrationId = /^integrations\/(.+)$/.exec(target)?.[1];
    const integration = integrationId === undefined ? undefined : integrations.get(integrationId);
    if (!integration) {
      this.#fail(
        `Target ${JSON.stringify(target)} is not "integrations/<id>" of an integration of this API`,
        logicalId,
      );
    }
    const routeId = this.resolver.ref(logicalId) as string;
    return { logicalId, routeId, key, integration, ...(authorization ? { authorization } : {}) };
  }

  #readStages(mine: Array<[string, CfnResource]>): Map<string, HttpStage> {
    const stages = new Map<string, HttpStage>();
    for (const [id, r] of mine) {
      if (r.Type !== 'AWS::ApiGatewayV2::Stage') continue;
      const props = this.resolver.resolve(r.Properties ?? {}) as Record<string, unknown>;
      const name = props.StageName;
      if (typeof name !== 'string' || name === '')
        this.#fail(`StageName must be a non-empty string, got ${JSON.stringify(name)}`, id);
      if (props.AutoDeploy !== true && props.AutoDeploy !== 'true' && props.DeploymentId === undefined) {
        this.#warnings.push(
          `stage ${JSON.stringify(name)} (${id}) has neither AutoDeploy nor a DeploymentId, so nothing is deployed to it and it is not served`,
        );
        continue;
      }
      const raw = props.StageVariables;
      const variables: Record<string, string> = {};
      for (const [key, value] of Object.entries((raw as Record<string, unknown> | undefined) ?? {}))
        variables[key] = String(value);
      stages.set(name, {
        name,
        variables: Object.keys(variables).length > 0 ? variables : null,
        throttling: readHttpStageThrottling(props),
      });
    }
    return stages;
  }
}
