/**
 * Reading a REST API's AWS service integration (DynamoDB, Kinesis, …) at load.
 * @module
 */
import { describeService, isAwsServiceName, SERVICE_CATALOG } from '../services/service-catalog.js';
import { parseServiceIntegrationUri, pathPlaceholders } from '../services/service-integration-uri.js';
import {
  parseRequestParameterSource,
  parseRequestParameterTarget,
  type RequestParameterSource,
  type RequestParameterTarget,
} from './request-parameter.js';
import { invalidMappingMessage } from './response-parameter.js';
import type { RestServiceIntegration } from './rest-api-model.js';

/**
 * Reads an `AWS` integration that calls a service: its URI (a supported service, and a supported action
 * for the action form), `IntegrationHttpMethod`, `Credentials` and `RequestParameters`.
 * @param uri - the integration's `Uri`
 * @param integration - the resolved `Integration` property
 * @param fail - throws the load error for the method
 * @see docs/services.md
 */
export function readServiceIntegration(
  uri: string,
  integration: Record<string, unknown>,
  fail: (message: string) => never,
): RestServiceIntegration {
  const parsed = parseServiceIntegrationUri(uri);
  if (!parsed) {
    fail(
      `Integration.Uri ${JSON.stringify(uri)} is neither a Lambda function invocation nor an AWS service "action/…" or "path/…" URI`,
    );
  }
  const services = [...SERVICE_CATALOG.keys()].join(' and ');
  if (!isAwsServiceName(parsed.service)) {
    fail(
      `the AWS service integration ${JSON.stringify(uri)} calls ${JSON.stringify(parsed.service)}, which the local gateway has no backend for; it calls ${services} (see docs/services.md)`,
    );
  }
  const description = describeService(parsed.service);
  if (parsed.kind === 'action' && !description.actions.includes(parsed.action)) {
    fail(
      `the AWS service integration ${JSON.stringify(uri)} calls the ${description.title} action ${JSON.stringify(parsed.action)}, which the local gateway does not serve; it serves ${description.actions.join(', ')}`,
    );
  }
  const requestParameters: Array<readonly [RequestParameterTarget, RequestParameterSource]> = [];
  for (const [key, value] of Object.entries((integration.RequestParameters as object | undefined) ?? {})) {
    const target = parseRequestParameterTarget(key);
    if (!target) {
      fail(invalidMappingMessage(`Invalid mapping expression parameter specified: ${key}`));
    }
    const source = parseRequestParameterSource(value);
    if (!source) {
      fail(invalidMappingMessage(`Invalid mapping expression specified: ${String(value)}`));
    }
    requestParameters.push([target, source]);
  }
  if (parsed.kind === 'path') {
    for (const name of pathPlaceholders(parsed.path)) {
      const mapped = requestParameters.some(([t]) => t.location === 'path' && t.name === name);
      if (!mapped) {
        fail(
          `Integration.Uri ${JSON.stringify(uri)} uses {${name}}, but no RequestParameters entry maps integration.request.path.${name}`,
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
