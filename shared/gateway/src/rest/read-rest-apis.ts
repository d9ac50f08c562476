import type { CfnResource } from '../assembly/cfn-template.js';
import { type FunctionsByArn, functionLookup } from '../assembly/function-catalog.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';
import { stackIssuers, type TrustedIssuers } from '../auth/trusted-issuers.js';
import { GatewayConfigError } from '../errors.js';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';
import { MethodRequestReader } from './method-request-reader.js';
import { readMethodAuthorization, readRestAuthorizers } from './read-authorizers.js';
import { readGatewayResponses } from './read-gateway-responses.js';
import { readRestIntegration } from './read-rest-integration.js';
import { invalidMappingMessage } from './response-parameter.js';
import type { RestApiModel, RestMethod, RestResource, RestStage } from './rest-api-model.js';
import type { RestAuthorizer } from './rest-authorizer-model.js';
import { refuseStageCache } from './stage-cache.js';
import { findUnemulatedSettings } from './unemulated-settings.js';
import { resourcePathProblem } from './validate-resource-tree.js';

/**
 * Reads every `AWS::ApiGateway::RestApi` of a stack with its resources, methods, stages and gateway
 * responses, and refuses — with API Gateway's own message and the resource's logical ID — what AWS would
 * refuse at deploy time.
 * @param issuers - whose tokens Cognito authorizers verify
 * @default issuers - the stack's user pools, signed by the local issuer
 * @throws GatewayConfigError for a template AWS would reject, or one the gateway cannot serve
 */
export function readRestApis(
  stack: LoadedStack,
  resolver: IntrinsicResolver,
  functions: FunctionsByArn | ReadonlyMap<string, LambdaFunctionDefinition>,
  issuers: TrustedIssuers = stackIssuers(stack, resolver),
): RestApiModel[] {
  const resources = Object.entries(stack.template.Resources ?? {});
  const functionsByArn = functionLookup(functions);
  const apis: RestApiModel[] = [];
  for (const [logicalId, resource] of resources) {
    if (resource.Type !== 'AWS::ApiGateway::RestApi') continue;
    const reader = new RestApiReader(stack, resolver, functionsByArn, logicalId, resource, issuers);
    apis.push(reader.read(resources));
  }
  return apis;
}

class RestApiReader {
  readonly #apiId: string;
  readonly #byPhysicalId = new Map<string, RestResource>();
  #methodRequests!: MethodRequestReader;
  #stages: ReadonlyMap<string, RestStage> = new Map();
  #authorizers: ReadonlyMap<string, RestAuthorizer> = new Map();

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

  read(resources: Array<[string, CfnResource]>): RestApiModel {
    const props = this.resource.Properties ?? {};
    if (props.Body !== undefined || props.BodyS3Location !== undefined) {
      this.#fail('a RestApi defined by an OpenAPI "Body" is not supported by the local gateway');
    }
    const root = this.#newResource(
      this.resolver.getAtt([this.logicalId, 'RootResourceId']),
      this.logicalId,
      '/',
    );
    const mine = resources.filter(([, r]) => this.#belongsHere(r));
    const [unemulated] = findUnemulatedSettings(this.logicalId, props, mine, this.resolver);
    if (unemulated) this.#fail(unemulated.message, unemulated.resource);
    this.#methodRequests = new MethodRequestReader(
      this.stack.templateFile,
      this.resolver,
      { logicalId: this.logicalId, apiId: this.#apiId, stackName: this.stack.stackName, props },
      mine,
      resources,
    );
    this.#stages = this.#readStages(mine);
    this.#buildTree(mine.filter(([, r]) => r.Type === 'AWS::ApiGateway::Resource'));
    this.#authorizers = readRestAuthorizers(this.#authorizerReading(), mine);
    for (const [id, r] of mine) {
      if (r.Type === 'AWS::ApiGateway::Method') this.#addMethod(id, r);
    }
    const binaryMediaTypes = (this.resolver.resolve(props.BinaryMediaTypes ?? []) as string[]).map((t) =>
      t.replace('~1', '/'),
    );
    return {
      stackName: this.stack.stackName,
      logicalId: this.logicalId,
      apiId: this.#apiId,
      accountId: this.resolver.pseudo.accountId,
      region: this.resolver.pseudo.region,
      root,
      stages: this.#stages,
      gatewayResponses: readGatewayResponses(mine, this.resolver, this.stack.templateFile),
      binaryMediaTypes,
      apiKeys: this.#methodRequests.apiKeys,
      minimumCompressionSize: readMinimumCompressionSize(
        this.resolver.resolve(props.MinimumCompressionSize),
        (m) => this.#fail(m),
      ),
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
    const restApiId = resource.Properties?.RestApiId;
    if (restApiId === undefined || !resource.Type.startsWith('AWS::ApiGateway::')) return false;
    try {
      return this.resolver.resolve(restApiId) === this.#apiId;
    } catch {
      return false;
    }
  }

  #newResource(id: string, logicalId: string, path: string): RestResource {
    const node: RestResource = {
      id,
      logicalId,
      path,
      children: new Map(),
      parameterChild: undefined,
      greedyChild: undefined,
      methods: new Map(),
    };
    this.#byPhysicalId.set(id, node);
    return node;
  }

  #buildTree(pending: Array<[string, CfnResource]>): void {
    let remaining = pending;
    while (remaining.length > 0) {
      const next: Array<[string, CfnResource]> = [];
      for (const [id, r] of remaining) {
        const parentId = this.resolver.resolveString(r.Properties?.ParentId, 'ParentId');
        const parent = this.#byPhysicalId.get(parentId);
        if (!parent) {
          next.push([id, r]);
          continue;
        }
        const pathPart = this.resolver.resolveString(r.Properties?.PathPart, 'PathPart');
        const treeProblem = resourcePathProblem(parent, pathPart);
        if (treeProblem) this.#fail(treeProblem, id);
        const path = `${parent.path === '/' ? '' : parent.path}/${pathPart}`;
        const node = this.#newResource(this.resolver.ref(id) as string, id, path);
        const greedy = /^\{(.+)\+\}$/.exec(pathPart);
        const parameter = /^\{(.+)\}$/.exec(pathPart);
        if (greedy) parent.greedyChild = { name: greedy[1]!, resource: node };
        else if (parameter) parent.parameterChild = { name: parameter[1]!, resource: node };
        else parent.children.set(pathPart, node);
      }
      if (next.length === remaining.length) {
        this.#fail(
          `ParentId ${JSON.stringify(next[0]![1].Properties?.ParentId)} is not a resource of this API`,
          next[0]![0],
        );
      }
      remaining = next;
    }
  }

  #addMethod(logicalId: string, r: CfnResource): void {
    const props = r.Properties ?? {};
    const resourceId = this.resolver.resolveString(props.ResourceId, 'ResourceId');
    const node = this.#byPhysicalId.get(resourceId);
    if (!node)
      this.#fail(`ResourceId ${JSON.stringify(props.ResourceId)} is not a resource of this API`, logicalId);
    const httpMethod = this.resolver.resolveString(props.HttpMethod, 'HttpMethod').toUpperCase();
    const authorization = readMethodAuthorization(
      this.#authorizerReading(),
      logicalId,
      props,
      this.#authorizers,
    );
    const methodResponses = new Map<string, Set<string>>();
    for (const response of this.resolver.resolve(props.MethodResponses ?? []) as Array<
      Record<string, unknown>
    >) {
      const declared = new Set<string>();
      for (const key of Object.keys((response.ResponseParameters as object | undefined) ?? {})) {
        const header = /^method\.response\.header\.(.+)$/.exec(key);
        if (!header)
          this.#fail(
            invalidMappingMessage(`Invalid mapping expression parameter specified: ${key}`),
            logicalId,
          );
        declared.add(header[1]!.toLowerCase());
      }
      methodResponses.set(String(response.StatusCode), declared);
    }
    const method: RestMethod = {
      logicalId,
      httpMethod,
      integration: readRestIntegration(
        {
          resolver: this.resolver,
          templateFile: this.stack.templateFile,
          functionsByArn: this.functionsByArn,
          stages: this.#stages,
        },
        logicalId,
        props.Integration,
        methodResponses,
      ),
      methodResponses,
      request: this.#methodRequests.method(logicalId, props),
      ...(authorization ? { authorization } : {}),
    };
    node.methods.set(httpMethod, method);
  }

  #readStages(mine: Array<[string, CfnResource]>): Map<string, RestStage> {
    const stages = new Map<string, RestStage>();
    for (const [id, r] of mine) {
      const props = r.Properties ?? {};
      if (
        r.Type === 'AWS::ApiGateway::Stage' ||
        (r.Type === 'AWS::ApiGateway::Deployment' && props.StageName)
      ) {
        const name = this.resolver.resolveString(props.StageName, 'StageName');
        const variables =
          (this.resolver.resolve(props.Variables) as Record<string, string> | undefined) ?? null;
        const deploymentId =
          r.Type === 'AWS::ApiGateway::Stage' && props.DeploymentId
            ? this.resolver.resolveString(props.DeploymentId, 'DeploymentId')
            : (this.resolver.ref(id) as string);
        refuseStageCache(this.resolver, id, r, this.stack.templateFile);
        stages.set(name, {
          name,
          variables: variables && Object.keys(variables).length > 0 ? variables : null,
          deploymentId,
          throttling: this.#methodRequests.stageThrottling(
            r.Type === 'AWS::ApiGateway::Stage' ? props : props.StageDescription,
          ),
        });
      }
    }
    return stages;
  }
}

/** `MinimumCompressionSize`: `undefined` when compression is off; AWS accepts 0 to 10,485,760 bytes. */
function readMinimumCompressionSize(value: unknown, fail: (message: string) => never): number | undefined {
  if (value === undefined || value === null) return undefined;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 0 || size > 10_485_760) {
    fail(`Invalid minimum compression size, must be between 0 and 10485760: ${JSON.stringify(value)}`);
  }
  return size;
}
