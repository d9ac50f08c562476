import type { CfnResource } from '../assembly/cfn-template.js';
import {
  apiGatewayExtensions,
  dereference,
  isObject,
  type OpenApiDocument,
  operationsOf,
} from './openapi-document.js';
import { restIntegration } from './rest-integration.js';
import { methodAuthorization, withoutUndefined } from './rest-security.js';

/** What an OpenAPI definition of a REST API becomes: API properties, and resources in CloudFormation form. */
export interface ImportedDefinition {
  /** Properties set on the API resource (its `Body`/`BodyS3Location` taken out). */
  readonly apiProperties: Record<string, unknown>;
  /** The API's resources, methods, authorizers, validators, models and gateway responses, by logical ID. */
  readonly resources: Record<string, CfnResource>;
}

/** Top-level extensions and the `AWS::ApiGateway::RestApi` property each one sets. */
const API_EXTENSIONS: ReadonlyMap<string, string | undefined> = new Map([
  ['x-amazon-apigateway-binary-media-types', 'BinaryMediaTypes'],
  ['x-amazon-apigateway-minimum-compression-size', 'MinimumCompressionSize'],
  ['x-amazon-apigateway-policy', 'Policy'],
  ['x-amazon-apigateway-api-key-source', 'ApiKeySourceType'],
  ['x-amazon-apigateway-gateway-responses', undefined],
  ['x-amazon-apigateway-request-validators', undefined],
  ['x-amazon-apigateway-request-validator', undefined],
  // These change nothing about the answers.
  ['x-amazon-apigateway-endpoint-configuration', undefined],
  ['x-amazon-apigateway-documentation', undefined],
  ['x-amazon-apigateway-tag-value', undefined],
]);
/** The operation-level extensions the importer reads. */
const OPERATION_EXTENSIONS = new Set([
  'x-amazon-apigateway-integration',
  'x-amazon-apigateway-request-validator',
  'x-amazon-apigateway-auth',
]);

/**
 * Translates the OpenAPI definition of a REST API (`SpecRestApi`, a `Body` or `BodyS3Location`) into what
 * API Gateway's import creates, written as CloudFormation resources so that the template reader reads —
 * and checks — them like any other: `AWS::ApiGateway::Resource` per path part, `AWS::ApiGateway::Method`
 * per operation (`x-amazon-apigateway-integration`, method responses with their headers, request
 * parameters, `security`), `AWS::ApiGateway::GatewayResponse` per `x-amazon-apigateway-gateway-responses`
 * entry, and request validators and models. Logical IDs read `Api[GET /items]`, `Api[/items]`, …
 * @returns the translation, or why the definition cannot be imported faithfully
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */
export function importRestDefinition(
  apiLogicalId: string,
  apiProperties: Record<string, unknown>,
  document: OpenApiDocument,
): ImportedDefinition | { readonly refusal: string } {
  const unknown = apiGatewayExtensions(document).filter((key) => !API_EXTENSIONS.has(key));
  if (unknown.length > 0)
    return { refusal: `it uses ${unknown.join(', ')}, which the local gateway does not import` };
  const { Body: _body, BodyS3Location: _location, ...props } = apiProperties;
  for (const [extension, property] of API_EXTENSIONS) {
    if (property && document[extension] !== undefined) props[property] = document[extension];
  }
  const basePath = basePathOf(document, apiProperties);
  if (typeof basePath === 'object') return basePath;

  const resources: Record<string, CfnResource> = {};
  const api = { Ref: apiLogicalId };
  const resourceIds = new Map<string, unknown>([['/', { 'Fn::GetAtt': [apiLogicalId, 'RootResourceId'] }]]);
  const resourceFor = (path: string): unknown => {
    const known = resourceIds.get(path);
    if (known) return known;
    const parts = path.split('/').filter(Boolean);
    const parentPath = `/${parts.slice(0, -1).join('/')}`;
    const id = `${apiLogicalId}[${path}]`;
    resources[id] = {
      Type: 'AWS::ApiGateway::Resource',
      Properties: { RestApiId: api, ParentId: resourceFor(parentPath), PathPart: parts.at(-1) },
    };
    resourceIds.set(path, { Ref: id });
    return resourceIds.get(path);
  };
  const validators = importValidators(apiLogicalId, document, resources);

  for (const { path, method, operation, parameters } of operationsOf(document)) {
    const where = `${method} ${path}`;
    const refuse = (why: string) => ({ refusal: `the operation ${where} cannot be imported: ${why}` });
    const extra = apiGatewayExtensions(operation).filter((key) => !OPERATION_EXTENSIONS.has(key));
    if (extra.length > 0)
      return refuse(`it uses ${extra.join(', ')}, which the local gateway does not import`);
    const rawIntegration = dereference(document, operation['x-amazon-apigateway-integration']);
    if (!isObject(rawIntegration))
      return refuse('No integration defined for method (it has no x-amazon-apigateway-integration)');
    const integration = restIntegration(rawIntegration);
    if ('refusal' in integration) return refuse(integration.refusal as string);
    const authorization = methodAuthorization(document, apiLogicalId, operation, resources);
    if ('refusal' in authorization) return refuse(authorization.refusal as string);
    const auth = operation['x-amazon-apigateway-auth'];
    const fullPath = `${basePath}${path}`.replace(/\/+$/, '') || '/';
    const validatorName =
      operation['x-amazon-apigateway-request-validator'] ?? document['x-amazon-apigateway-request-validator'];
    resources[`${apiLogicalId}[${method} ${fullPath}]`] = {
      Type: 'AWS::ApiGateway::Method',
      Properties: withoutUndefined({
        RestApiId: api,
        ResourceId: resourceFor(fullPath),
        HttpMethod: method,
        ...authorization,
        ...(isObject(auth) && typeof auth.type === 'string'
          ? { AuthorizationType: auth.type.toUpperCase() }
          : {}),
        OperationName: operation.operationId,
        RequestParameters: requestParameters(parameters),
        RequestValidatorId: typeof validatorName === 'string' ? validators.get(validatorName) : undefined,
        RequestModels: requestModels(apiLogicalId, document, operation, parameters, resources),
        MethodResponses: methodResponses(document, operation),
        Integration: integration,
      }),
    };
  }
  for (const [type, raw] of Object.entries(
    (document['x-amazon-apigateway-gateway-responses'] as object | undefined) ?? {},
  )) {
    const response = raw as Record<string, unknown>;
    resources[`${apiLogicalId}[gateway response ${type}]`] = {
      Type: 'AWS::ApiGateway::GatewayResponse',
      Properties: withoutUndefined({
        RestApiId: api,
        ResponseType: type,
        StatusCode: response.statusCode === undefined ? undefined : String(response.statusCode),
        ResponseParameters: response.responseParameters,
        ResponseTemplates: response.responseTemplates,
      }),
    };
  }
  return { apiProperties: props, resources };
}

/** The base path prepended to every path: none unless the API's `Parameters` say `basepath=prepend`. */
function basePathOf(document: OpenApiDocument, props: Record<string, unknown>): string | { refusal: string } {
  const mode = (props.Parameters as Record<string, unknown> | undefined)?.basepath ?? 'ignore';
  if (mode === 'ignore') return '';
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const server = isObject(servers[0]) ? String(servers[0].url ?? '') : '';
  const path =
    typeof document.basePath === 'string' ? document.basePath : server.replace(/^[a-z]+:\/\/[^/]*/i, '');
  if (mode === 'prepend') return path.replace(/\/+$/, '');
  return {
    refusal: `its Parameters set basepath=${JSON.stringify(mode)}, which the local gateway does not import; use ignore or prepend`,
  };
}

function requestParameters(
  parameters: ReadonlyArray<Record<string, unknown>>,
): Record<string, boolean> | undefined {
  const out: Record<string, boolean> = {};
  for (const parameter of parameters) {
    const location = { path: 'path', query: 'querystring', header: 'header' }[String(parameter.in)];
    if (location) out[`method.request.${location}.${String(parameter.name)}`] = parameter.required === true;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function methodResponses(
  document: OpenApiDocument,
  operation: Record<string, unknown>,
): Array<Record<string, unknown>> {
  const responses = isObject(operation.responses) ? operation.responses : {};
  return Object.entries(responses)
    .filter(([status]) => /^\d{3}$/.test(status))
    .map(([status, raw]) => {
      const response = dereference(document, raw);
      const headers = isObject(response) && isObject(response.headers) ? Object.keys(response.headers) : [];
      return withoutUndefined({
        StatusCode: status,
        ResponseParameters:
          headers.length > 0
            ? Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, false]))
            : undefined,
      });
    });
}

function importValidators(
  apiLogicalId: string,
  document: OpenApiDocument,
  resources: Record<string, CfnResource>,
): Map<string, unknown> {
  const ids = new Map<string, unknown>();
  const validators = document['x-amazon-apigateway-request-validators'];
  for (const [name, raw] of Object.entries(isObject(validators) ? validators : {})) {
    const validator = isObject(raw) ? raw : {};
    const id = `${apiLogicalId}[request validator ${name}]`;
    resources[id] = {
      Type: 'AWS::ApiGateway::RequestValidator',
      Properties: {
        RestApiId: { Ref: apiLogicalId },
        Name: name,
        ValidateRequestBody: validator.validateRequestBody === true,
        ValidateRequestParameters: validator.validateRequestParameters === true,
      },
    };
    ids.set(name, { Ref: id });
  }
  return ids;
}

/** The models of the request body (OpenAPI 3 `requestBody`, Swagger 2 `in: body`), added as resources. */
function requestModels(
  apiLogicalId: string,
  document: OpenApiDocument,
  operation: Record<string, unknown>,
  parameters: ReadonlyArray<Record<string, unknown>>,
  resources: Record<string, CfnResource>,
): Record<string, string> | undefined {
  const body = dereference(document, operation.requestBody);
  const content: Array<[string, unknown]> =
    isObject(body) && isObject(body.content)
      ? Object.entries(body.content).map(([type, media]) => [
          type,
          isObject(media) ? media.schema : undefined,
        ])
      : parameters.filter((p) => p.in === 'body').map((p) => ['application/json', p.schema]);
  const models: Record<string, string> = {};
  for (const [contentType, schema] of content) {
    if (!isObject(schema)) continue;
    const ref = typeof schema.$ref === 'string' ? schemaName(schema.$ref) : undefined;
    const name = ref ?? `${String(operation.operationId ?? 'Inline')}Body`;
    addModel(
      apiLogicalId,
      document,
      name,
      ref ? dereference(document, schema) : schema,
      contentType,
      resources,
    );
    models[contentType] = name;
  }
  return Object.keys(models).length > 0 ? models : undefined;
}

/** The schema name a local reference names (`#/components/schemas/Pet`, `#/definitions/Pet`). */
function schemaName(ref: string): string | undefined {
  return /^#\/(?:components\/schemas|definitions)\/([^/]+)$/.exec(ref)?.[1];
}

/**
 * Adds the `AWS::ApiGateway::Model` of a schema, and of every schema it refers to, with each local
 * reference rewritten to the URL API Gateway gives the model it imports (`https://apigateway.amazonaws.com/
 * restapis/<api id>/models/<name>`), as its import does.
 */
function addModel(
  apiLogicalId: string,
  document: OpenApiDocument,
  name: string,
  schema: unknown,
  contentType: string,
  resources: Record<string, CfnResource>,
): void {
  const id = `${apiLogicalId}[model ${name}]`;
  if (resources[id]) return;
  const model: CfnResource = {
    Type: 'AWS::ApiGateway::Model',
    Properties: { RestApiId: { Ref: apiLogicalId }, Name: name, ContentType: contentType },
  };
  resources[id] = model;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!isObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const referenced = key === '$ref' && typeof child === 'string' ? schemaName(child) : undefined;
      if (referenced) {
        addModel(
          apiLogicalId,
          document,
          referenced,
          dereference(document, { $ref: child }),
          contentType,
          resources,
        );
        out.$ref = {
          'Fn::Join': [
            '',
            ['https://apigateway.amazonaws.com/restapis/', { Ref: apiLogicalId }, `/models/${referenced}`],
          ],
        };
      } else out[key] = rewrite(child);
    }
    return out;
  };
  (model.Properties as Record<string, unknown>).Schema = rewrite(schema);
}
