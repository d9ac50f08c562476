import type { CfnResource } from '../assembly/cfn-template.js';
import { type FunctionsByArn, functionLookup } from '../assembly/function-catalog.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';
import { stackIssuers, type TrustedIssuers } from '../auth/trusted-issuers.js';
import { GatewayConfigError } from '../errors.js';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';
import { describeService, isAwsServiceName, SERVICE_CATALOG } from '../services/service-catalog.js';
import { parseServiceIntegrationUri, pathPlaceholders } from '../services/service-integration-uri.js';
import { compileMappingTemplate } from '../vtl/index.js';
import { readContentHandling } from './content-handling.js';
import { GATEWAY_RESPONSE_TYPES } from './gateway-response-types.js';
import { parseIntegrationRequestParameters } from './lambda-request-parameters.js';
import { MethodRequestReader } from './method-request-reader.js';
import { readMethodAuthorization, readRestAuthorizers } from './read-authorizers.js';
import { type RestHttpIntegration, readRestHttpIntegration } from './read-http-integration.js';
import {
  parseRequestParameterSource,
  parseRequestParameterTarget,
  type RequestParameterSource,
  type RequestParameterTarget,
} from './request-parameter.js';
import {
  invalidMappingMessage,
  parseResponseParameter,
  type ResponseParameterSource,
} from './response-parameter.js';
import type {
  GatewayResponseCustomisation,
  KeyedTemplates,
  PassthroughBehavior,
  RestApiModel,
  RestIntegration,
  RestIntegrationResponse,
  RestIntegrationType,
  RestMethod,
  RestResource,
  RestServiceIntegration,
  RestStage,
} from './rest-api-model.js';
import type { RestAuthorizer } from './rest-authorizer-model.js';
import { refuseStageCache } from './stage-cache.js';
import { resolveLambdaTarget } from './stage-variable-function.js';
import { findUnemulatedSettings } from './unemulated-settings.js';
import { integrationProblem, lambdaFunctionArnOf } from './validate-integration.js';
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
      gatewayResponses: this.#readGatewayResponses(mine),
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
      integration: this.#readIntegration(logicalId, props.Integration, methodResponses),
      methodResponses,
      request: this.#methodRequests.method(logicalId, props),
      ...(authorization ? { authorization } : {}),
    };
    node.methods.set(httpMethod, method);
  }

  #readIntegration(
    logicalId: string,
    raw: unknown,
    methodResponses: ReadonlyMap<string, ReadonlySet<string>>,
  ): RestIntegration {
    if (raw === undefined) this.#fail('the method has no Integration', logicalId);
    const integration = this.resolver.resolve(raw) as Record<string, unknown>;
    const problem = integrationProblem(integration);
    if (problem) this.#fail(problem, logicalId);
    const type = integration.Type as RestIntegrationType;
    const origin = (part: string) => `${logicalId} Integration.${part}`;
    let lambda: LambdaFunctionDefinition | undefined;
    let lambdaByStage: ReadonlyMap<string, LambdaFunctionDefinition> | undefined;
    let lambdaRequestParameters: RestIntegration['lambdaRequestParameters'];
    let service: RestServiceIntegration | undefined;
    let http: RestHttpIntegration | undefined;
    switch (type) {
      case 'MOCK':
        break;
      case 'HTTP':
      case 'HTTP_PROXY':
        http = readRestHttpIntegration(this.resolver, integration, (message) =>
          this.#fail(message, logicalId),
        );
        break;
      case 'AWS_PROXY':
      case 'AWS': {
        const uri = String(integration.Uri ?? '');
        const functionArn = lambdaFunctionArnOf(uri);
        if (!functionArn) {
          if (type === 'AWS_PROXY') {
            this.#fail(
              "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
              logicalId,
            );
          }
          service = this.#readServiceIntegration(logicalId, uri, integration);
          break;
        }
        const target = resolveLambdaTarget(functionArn, this.#stages, this.functionsByArn);
        if (target.kind === 'unknown') this.#fail(target.reason, logicalId);
        lambdaByStage = target.kind === 'per-stage' ? target.byStage : undefined;
        lambda = target.kind === 'fixed' ? target.fn : target.byStage.values().next().value!;
        for (const fn of lambdaByStage?.values() ?? [lambda]) {
          if (!fn.runtime.startsWith('nodejs')) {
            this.#fail(
              `runtime "${fn.runtime}" of ${fn.logicalId} cannot run locally; only nodejs runtimes can`,
              logicalId,
            );
          }
        }
        const parameters = parseIntegrationRequestParameters(integration.RequestParameters);
        if (typeof parameters === 'string') this.#fail(parameters, logicalId);
        lambdaRequestParameters = parameters;
        break;
      }
      default:
        this.#fail(
          `integration type ${JSON.stringify(type)} is not supported by the local gateway`,
          logicalId,
        );
    }
    const integrationResponses: RestIntegrationResponse[] = [];
    const list = (integration.IntegrationResponses ?? []) as Array<Record<string, unknown>>;
    list.forEach((response, index) => {
      integrationResponses.push(
        this.#readIntegrationResponse(logicalId, response, index, methodResponses, type),
      );
    });
    const timeoutMs =
      integration.TimeoutInMillis === undefined ? 29_000 : Number(integration.TimeoutInMillis);
    const contentHandling = this.#contentHandling(integration.ContentHandling, 'Integration', logicalId);
    list.forEach((response, index) => {
      this.#contentHandling(
        response.ContentHandling,
        `Integration.IntegrationResponses[${index}]`,
        logicalId,
      );
    });
    return {
      type,
      ...(contentHandling ? { contentHandling } : {}),
      passthroughBehavior:
        (integration.PassthroughBehavior as PassthroughBehavior | undefined) ?? 'WHEN_NO_MATCH',
      requestTemplates: this.#compileTemplates(integration.RequestTemplates, origin('RequestTemplates')),
      integrationResponses,
      lambda,
      ...(lambdaByStage ? { lambdaByStage } : {}),
      ...(lambdaRequestParameters ? { lambdaRequestParameters } : {}),
      ...(service ? { service } : {}),
      integrationHttpMethod:
        integration.IntegrationHttpMethod === undefined
          ? undefined
          : String(integration.IntegrationHttpMethod).toUpperCase(),
      ...(http ? { http } : {}),
      timeoutMs,
    };
  }

  #contentHandling(value: unknown, where: string, logicalId: string) {
    try {
      return readContentHandling(value, where);
    } catch (error) {
      this.#fail((error as Error).message, logicalId);
    }
  }

  /**
   * Reads an `AWS` integration that calls a service: its URI (a supported service, and a supported action
   * for the action form), `IntegrationHttpMethod`, `Credentials` and `RequestParameters`.
   */
  #readServiceIntegration(
    logicalId: string,
    uri: string,
    integration: Record<string, unknown>,
  ): RestServiceIntegration {
    const parsed = parseServiceIntegrationUri(uri);
    if (!parsed) {
      this.#fail(
        `Integration.Uri ${JSON.stringify(uri)} is neither a Lambda function invocation nor an AWS service "action/…" or "path/…" URI`,
        logicalId,
      );
    }
    const services = [...SERVICE_CATALOG.keys()].join(' and ');
    if (!isAwsServiceName(parsed.service)) {
      this.#fail(
        `the AWS service integration ${JSON.stringify(uri)} calls ${JSON.stringify(parsed.service)}, which the local gateway has no backend for; it calls ${services} (see docs/services.md)`,
        logicalId,
      );
    }
    const description = describeService(parsed.service);
    if (parsed.kind === 'action' && !description.actions.includes(parsed.action)) {
      this.#fail(
        `the AWS service integration ${JSON.stringify(uri)} calls the ${description.title} action ${JSON.stringify(parsed.action)}, which the local gateway does not serve; it serves ${description.actions.join(', ')}`,
        logicalId,
      );
    }
    const requestParameters: Array<readonly [RequestParameterTarget, RequestParameterSource]> = [];
    for (const [key, value] of Object.entries((integration.RequestParameters as object | undefined) ?? {})) {
      const target = parseRequestParameterTarget(key);
      if (!target) {
        this.#fail(
          invalidMappingMessage(`Invalid mapping expression parameter specified: ${key}`),
          logicalId,
        );
      }
      const source = parseRequestParameterSource(value);
      if (!source) {
        this.#fail(
          invalidMappingMessage(`Invalid mapping expression specified: ${String(value)}`),
          logicalId,
        );
      }
      requestParameters.push([target, source]);
    }
    if (parsed.kind === 'path') {
      for (const name of pathPlaceholders(parsed.path)) {
        const mapped = requestParameters.some(([t]) => t.location === 'path' && t.name === name);
        if (!mapped) {
          this.#fail(
            `Integration.Uri ${JSON.stringify(uri)} uses {${name}}, but no RequestParameters entry maps integration.request.path.${name}`,
            logicalId,
          );
        }
      }
    }
    const credentials = integration.Credentials;
    return {
      service: parsed.service,
      uri: parsed,
      httpMethod: String(integration.IntegrationHttpMethod ?? 'POST').toUpperCase(),
      credentials: typeof credentials === 'string' && credentials !== '' ? credentials : undefined,
      requestParameters,
      label: `${parsed.service}:${parsed.kind === 'action' ? parsed.action : `path/${parsed.path}`}`,
    };
  }

  #readIntegrationResponse(
    logicalId: string,
    response: Record<string, unknown>,
    index: number,
    methodResponses: ReadonlyMap<string, ReadonlySet<string>>,
    type: RestIntegrationType,
  ): RestIntegrationResponse {
    const statusCode = String(response.StatusCode);
    const declared = methodResponses.get(statusCode);
    if (!declared && type !== 'AWS_PROXY' && type !== 'HTTP_PROXY') {
      // PutIntegrationResponse for a status the method does not declare is refused (404 NotFoundException).
      this.#fail(
        `Invalid Response status code specified: integration response ${statusCode} has no method response`,
        logicalId,
      );
    }
    const responseParameters: Array<readonly [string, ResponseParameterSource]> = [];
    for (const [key, value] of Object.entries((response.ResponseParameters as object | undefined) ?? {})) {
      const header = /^method\.response\.header\.(.+)$/.exec(key);
      if (!header || !declared?.has(header[1]!.toLowerCase())) {
        this.#fail(
          invalidMappingMessage(`Invalid mapping expression parameter specified: ${key}`),
          logicalId,
        );
      }
      const source = parseResponseParameter(value);
      if (!source)
        this.#fail(
          invalidMappingMessage(`Invalid mapping expression specified: ${String(value)}`),
          logicalId,
        );
      responseParameters.push([header[1]!, source]);
    }
    let selectionPattern: RegExp | undefined;
    const pattern = response.SelectionPattern;
    if (typeof pattern === 'string' && pattern !== '') {
      try {
        selectionPattern = new RegExp(`^(?:${pattern})$`);
      } catch (error) {
        this.#fail(
          `Invalid selection pattern specified: ${pattern} (${(error as Error).message})`,
          logicalId,
        );
      }
    }
    return {
      statusCode,
      selectionPattern,
      responseParameters,
      responseTemplates: this.#compileTemplates(
        response.ResponseTemplates,
        `${logicalId} Integration.IntegrationResponses[${index}].ResponseTemplates`,
      ),
    };
  }

  #compileTemplates(raw: unknown, origin: string): KeyedTemplates {
    const byType = new Map<string, ReturnType<typeof compileMappingTemplate>>();
    for (const [contentType, source] of Object.entries((raw as Record<string, unknown> | undefined) ?? {})) {
      if (typeof source !== 'string') continue;
      try {
        byType.set(contentType.toLowerCase(), compileMappingTemplate(source, `${origin}["${contentType}"]`));
      } catch (error) {
        throw new GatewayConfigError((error as Error).message, {
          file: this.stack.templateFile,
          resource: origin.split(' ')[0]!,
        });
      }
    }
    return { byType };
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

  #readGatewayResponses(mine: Array<[string, CfnResource]>): Map<string, GatewayResponseCustomisation> {
    const customised = new Map<string, GatewayResponseCustomisation>();
    for (const [id, r] of mine) {
      if (r.Type !== 'AWS::ApiGateway::GatewayResponse') continue;
      const props = this.resolver.resolve(r.Properties ?? {}) as Record<string, unknown>;
      const responseType = String(props.ResponseType);
      if (!GATEWAY_RESPONSE_TYPES.has(responseType)) {
        this.#fail(`Invalid response type specified: ${responseType}`, id);
      }
      const headers: Array<readonly [string, string]> = [];
      for (const [key, value] of Object.entries((props.ResponseParameters as object | undefined) ?? {})) {
        const header = /^gatewayresponse\.header\.(.+)$/.exec(key);
        const source = parseResponseParameter(value);
        if (!header)
          this.#fail(invalidMappingMessage(`Invalid mapping expression parameter specified: ${key}`), id);
        if (source?.kind !== 'static') {
          this.#fail(`only static 'values' are supported locally for ${key}, got ${String(value)}`, id);
        }
        headers.push([header[1]!, source.value]);
      }
      customised.set(responseType, {
        responseType,
        statusCode: props.StatusCode === undefined ? undefined : Number(props.StatusCode),
        headers,
        templates: this.#compileTemplates(props.ResponseTemplates, `${id} ResponseTemplates`),
      });
    }
    return customised;
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
