import { isObject } from './openapi-document.js';
import { withoutUndefined } from './rest-security.js';

/** `x-amazon-apigateway-integration` keys and the `Integration` property each one becomes. */
const INTEGRATION_KEYS: ReadonlyMap<string, string> = new Map([
  ['type', 'Type'],
  ['uri', 'Uri'],
  ['httpMethod', 'IntegrationHttpMethod'],
  ['credentials', 'Credentials'],
  ['requestParameters', 'RequestParameters'],
  ['requestTemplates', 'RequestTemplates'],
  ['passthroughBehavior', 'PassthroughBehavior'],
  ['timeoutInMillis', 'TimeoutInMillis'],
  ['contentHandling', 'ContentHandling'],
  ['connectionType', 'ConnectionType'],
  ['connectionId', 'ConnectionId'],
  ['cacheKeyParameters', 'CacheKeyParameters'],
  ['cacheNamespace', 'CacheNamespace'],
  ['responseTransferMode', 'ResponseTransferMode'],
  ['integrationTarget', 'IntegrationTarget'],
  ['responses', 'IntegrationResponses'],
  ['tlsConfig', 'TlsConfig'],
]);

/** Values API Gateway's OpenAPI extensions write in lower case, and CloudFormation in upper case. */
const UPPER_CASE = new Set([
  'Type',
  'PassthroughBehavior',
  'ConnectionType',
  'ContentHandling',
  'ResponseTransferMode',
]);

/**
 * Translates an `x-amazon-apigateway-integration` object of a REST API operation into the `Integration`
 * property of an `AWS::ApiGateway::Method`: the same settings under CloudFormation's names, and
 * `responses` (keyed by selection pattern, `default` for none) as `IntegrationResponses`.
 * @returns the property, or why it cannot be translated (a key API Gateway does not define)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
 */
export function restIntegration(
  raw: Record<string, unknown>,
): Record<string, unknown> | { readonly refusal: string } {
  const unknown = Object.keys(raw).filter((key) => !INTEGRATION_KEYS.has(key));
  if (unknown.length > 0) {
    return {
      refusal: `its x-amazon-apigateway-integration has ${unknown.map((k) => JSON.stringify(k)).join(', ')}, which API Gateway does not define`,
    };
  }
  const integration: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const property = INTEGRATION_KEYS.get(key)!;
    if (property === 'IntegrationResponses') integration[property] = integrationResponses(value);
    else if (property === 'TlsConfig' && isObject(value)) {
      integration[property] = { InsecureSkipVerification: value.insecureSkipVerification };
    } else
      integration[property] =
        UPPER_CASE.has(property) && typeof value === 'string' ? value.toUpperCase() : value;
  }
  return integration;
}

function integrationResponses(value: unknown): Array<Record<string, unknown>> {
  if (!isObject(value)) return [];
  return Object.entries(value)
    .filter(([, response]) => isObject(response))
    .map(([pattern, response]) => {
      const r = response as Record<string, unknown>;
      return withoutUndefined({
        StatusCode: r.statusCode === undefined ? undefined : String(r.statusCode),
        SelectionPattern: pattern === 'default' ? undefined : pattern,
        ResponseParameters: r.responseParameters,
        ResponseTemplates: r.responseTemplates,
        ContentHandling: typeof r.contentHandling === 'string' ? r.contentHandling.toUpperCase() : undefined,
      });
    });
}
