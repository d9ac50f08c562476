/**
 * Reads the API Gateway APIs of a cloud assembly's templates into the doctor's {@link ApiModel}s, in the
 * order the local gateway serves them (per stack, REST APIs, then HTTP APIs; only those with a stage).
 *
 * @module
 */
import type { CfnResource, LoadedStack } from '@cors-workshop/gateway/assembly';
import type {
  ApiModel,
  GatewayResponseModel,
  HttpApiModel,
  HttpCorsModel,
  IntegrationResponseModel,
  MappedHeader,
  RestApiModel,
  RestMethodModel,
} from './api-model.js';

type Resources = Readonly<Record<string, CfnResource>>;

/**
 * The APIs of some stacks.
 * @param stacks - the stacks, as `loadAssembly` reads them
 */
export function readApis(stacks: readonly LoadedStack[]): ApiModel[] {
  const apis: ApiModel[] = [];
  for (const stack of stacks) {
    const resources = stack.template.Resources ?? {};
    const rest: RestApiModel[] = [];
    const http: HttpApiModel[] = [];
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (resource.Type === 'AWS::ApiGateway::RestApi')
        rest.push(readRestApi(stack.stackName, logicalId, resources));
      if (resource.Type === 'AWS::ApiGatewayV2::Api' && resource.Properties?.ProtocolType === 'HTTP') {
        http.push(readHttpApi(stack.stackName, logicalId, resource, resources));
      }
    }
    apis.push(...[...rest, ...http].filter((api) => api.stages.length > 0));
  }
  return apis;
}

function readRestApi(stack: string, apiId: string, resources: Resources): RestApiModel {
  const owned = Object.entries(resources).filter(
    ([, resource]) => refOf(resource.Properties?.RestApiId) === apiId,
  );
  const paths = new Map<string, string>([[`${apiId}.RootResourceId`, '/']]);
  const pathOf = (id: string, seen = new Set<string>()): string | undefined => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const resource = resources[id];
    if (resource?.Type !== 'AWS::ApiGateway::Resource' || seen.has(id)) return undefined;
    seen.add(id);
    const parent = pathOf(resourceKey(resource.Properties?.ParentId) ?? '', seen);
    if (parent === undefined) return undefined;
    const path = `${parent === '/' ? '' : parent}/${String(resource.Properties?.PathPart)}`;
    paths.set(id, path);
    return path;
  };
  const methods: RestMethodModel[] = [];
  const gatewayResponses: GatewayResponseModel[] = [];
  const stages = new Set<string>();
  for (const [logicalId, resource] of owned) {
    const props = resource.Properties ?? {};
    if (resource.Type === 'AWS::ApiGateway::Resource') pathOf(logicalId);
    if (resource.Type === 'AWS::ApiGateway::Stage' && typeof props.StageName === 'string')
      stages.add(props.StageName);
    if (resource.Type === 'AWS::ApiGateway::Deployment' && typeof props.StageName === 'string')
      stages.add(props.StageName);
    if (resource.Type === 'AWS::ApiGateway::GatewayResponse') {
      gatewayResponses.push({
        logicalId,
        responseType: String(props.ResponseType),
        headers: mappedHeaders(props.ResponseParameters, 'gatewayresponse.header.'),
      });
    }
    if (resource.Type === 'AWS::ApiGateway::Method') {
      const integration = (props.Integration ?? {}) as Record<string, unknown>;
      const functionId = functionIn(integration.Uri, resources);
      methods.push({
        logicalId,
        httpMethod: String(props.HttpMethod).toUpperCase(),
        resourcePath: pathOf(resourceKey(props.ResourceId) ?? '') ?? '?',
        integrationType: String(integration.Type ?? ''),
        ...(functionId === undefined ? {} : { functionId }),
        integrationResponses: (
          (integration.IntegrationResponses ?? []) as Array<Record<string, unknown>>
        ).map(readIntegrationResponse),
      });
    }
  }
  return {
    kind: 'REST',
    stack,
    logicalId: apiId,
    stages: [...stages],
    resourcePaths: [...new Set(paths.values())],
    methods,
    gatewayResponses,
  };
}

function readIntegrationResponse(raw: Record<string, unknown>): IntegrationResponseModel {
  const templates = Object.values((raw.ResponseTemplates ?? {}) as Record<string, unknown>).map(String);
  const overridden = new Set<string>();
  for (const template of templates) {
    for (const match of template.matchAll(/responseOverride\.header\.([A-Za-z0-9-]+)/g))
      overridden.add(match[1]!.toLowerCase());
  }
  return {
    statusCode: String(raw.StatusCode),
    ...(typeof raw.SelectionPattern === 'string' ? { selectionPattern: raw.SelectionPattern } : {}),
    headers: mappedHeaders(raw.ResponseParameters, 'method.response.header.'),
    overriddenHeaders: [...overridden],
    templates,
  };
}

function readHttpApi(stack: string, apiId: string, api: CfnResource, resources: Resources): HttpApiModel {
  const owned = Object.entries(resources).filter(
    ([, resource]) => refOf(resource.Properties?.ApiId) === apiId,
  );
  const integrations = new Map<string, string | undefined>();
  for (const [logicalId, resource] of owned) {
    if (resource.Type === 'AWS::ApiGatewayV2::Integration') {
      integrations.set(logicalId, functionIn(resource.Properties?.IntegrationUri, resources));
    }
  }
  const stages: string[] = [];
  const routes: HttpApiModel['routes'][number][] = [];
  for (const [logicalId, resource] of owned) {
    const props = resource.Properties ?? {};
    if (resource.Type === 'AWS::ApiGatewayV2::Stage' && typeof props.StageName === 'string')
      stages.push(props.StageName);
    if (resource.Type === 'AWS::ApiGatewayV2::Route') {
      const integration = refsIn(props.Target).find((id) => integrations.has(id));
      const functionId = integration === undefined ? undefined : integrations.get(integration);
      routes.push({
        logicalId,
        routeKey: String(props.RouteKey),
        ...(functionId === undefined ? {} : { functionId }),
      });
    }
  }
  const cors = readCors(api.Properties?.CorsConfiguration);
  return { kind: 'HTTP', stack, logicalId: apiId, stages, ...(cors === undefined ? {} : { cors }), routes };
}

function readCors(raw: unknown): HttpCorsModel | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const props = raw as Record<string, unknown>;
  const list = (key: string) => (Array.isArray(props[key]) ? (props[key] as unknown[]).map(String) : []);
  const maxAge = props.MaxAge === undefined ? undefined : Number(props.MaxAge);
  return {
    allowOrigins: list('AllowOrigins'),
    allowMethods: list('AllowMethods'),
    allowHeaders: list('AllowHeaders'),
    exposeHeaders: list('ExposeHeaders'),
    allowCredentials: props.AllowCredentials === true || props.AllowCredentials === 'true',
    ...(maxAge === undefined || Number.isNaN(maxAge) ? {} : { maxAge }),
  };
}

/** `ResponseParameters` entries with a prefix, by lower-case header name. */
function mappedHeaders(raw: unknown, prefix: string): Map<string, MappedHeader> {
  const headers = new Map<string, MappedHeader>();
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (!key.startsWith(prefix) || typeof value !== 'string') continue;
    const name = key.slice(prefix.length);
    headers.set(name.toLowerCase(), { name, expression: value });
  }
  return headers;
}

function refOf(value: unknown): string | undefined {
  const ref = (value as { Ref?: unknown } | undefined)?.Ref;
  return typeof ref === 'string' ? ref : undefined;
}

/** A resource ID: `Ref` to an `AWS::ApiGateway::Resource`, or the API's `RootResourceId`. */
function resourceKey(value: unknown): string | undefined {
  const getAtt = (value as { 'Fn::GetAtt'?: unknown } | undefined)?.['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt[1] === 'RootResourceId') return `${getAtt[0]}.RootResourceId`;
  return refOf(value);
}

/** Every logical ID a value refers to, through `Ref` or `Fn::GetAtt`, however deep. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.Ref === 'string') return [record.Ref];
  const getAtt = record['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return [getAtt[0]];
  return Object.values(record).flatMap(refsIn);
}

/** The Lambda function an integration URI invokes (directly, or through an alias or version). */
function functionIn(uri: unknown, resources: Resources): string | undefined {
  for (const id of refsIn(uri)) {
    const resource = resources[id];
    if (resource?.Type === 'AWS::Lambda::Function') return id;
    if (resource?.Type === 'AWS::Lambda::Alias' || resource?.Type === 'AWS::Lambda::Version') {
      const target = refsIn(resource.Properties?.FunctionName).find(
        (ref) => resources[ref]?.Type === 'AWS::Lambda::Function',
      );
      if (target !== undefined) return target;
    }
  }
  return undefined;
}
