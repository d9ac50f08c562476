import type { CfnResource } from '../assembly/cfn-template.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';
import { GatewayConfigError } from '../errors.js';
import { importHttpDefinition } from './http-definition.js';
import { readOpenApiDocument } from './openapi-document.js';
import { importQuickCreate } from './quick-create.js';
import { type ImportedDefinition, importRestDefinition } from './rest-definition.js';

/**
 * Replaces every API defined by an OpenAPI document (`AWS::ApiGateway::RestApi` or
 * `AWS::ApiGatewayV2::Api` with a `Body` or `BodyS3Location`) or by an HTTP API "quick create" (`Target`)
 * with the resources API Gateway's import creates, so that the template reader serves them like APIs
 * written resource by resource.
 * @throws GatewayConfigError naming the API when its definition cannot be read or imported faithfully
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html
 */
export function expandApiDefinitions(stack: LoadedStack, resolver: IntrinsicResolver): LoadedStack {
  const resources = stack.template.Resources ?? {};
  const expanded: Record<string, CfnResource> = {};
  let changed = false;
  for (const [logicalId, resource] of Object.entries(resources)) {
    const imported = importedDefinition(stack, resolver, logicalId, resource);
    if (!imported) {
      expanded[logicalId] ??= resource;
      continue;
    }
    changed = true;
    expanded[logicalId] = { ...resource, Properties: imported.apiProperties };
    for (const [id, part] of Object.entries(imported.resources)) {
      if (resources[id]) {
        throw new GatewayConfigError(
          `the imported definition makes a resource named like one of the template's`,
          {
            file: stack.templateFile,
            resource: id,
          },
        );
      }
      expanded[id] = part;
    }
  }
  return changed ? { ...stack, template: { ...stack.template, Resources: expanded } } : stack;
}

function importedDefinition(
  stack: LoadedStack,
  resolver: IntrinsicResolver,
  logicalId: string,
  resource: CfnResource,
): ImportedDefinition | undefined {
  const isRest = resource.Type === 'AWS::ApiGateway::RestApi';
  if (!isRest && resource.Type !== 'AWS::ApiGatewayV2::Api') return undefined;
  const props = resource.Properties ?? {};
  const fail = (why: string): never => {
    throw new GatewayConfigError(
      `the ${isRest ? 'REST' : 'HTTP'} API's OpenAPI definition cannot be served: ${why} (see docs/behaviour.md#openapi-definitions)`,
      { file: stack.templateFile, resource: logicalId },
    );
  };
  if (
    !isRest &&
    props.Target !== undefined &&
    props.Body === undefined &&
    props.BodyS3Location === undefined
  ) {
    return importQuickCreate(logicalId, props, resolver.resolveString(props.Target, 'Target'));
  }
  if (props.Body === undefined && props.BodyS3Location === undefined) return undefined;
  const document = readOpenApiDocument(stack, resolver, props);
  if ('refusal' in document) fail(document.refusal as string);
  if (!isRest && resolver.resolve(props.ProtocolType) === 'WEBSOCKET') {
    fail('WebSocket APIs are not supported by the local gateway');
  }
  const imported = isRest
    ? importRestDefinition(logicalId, props, document)
    : importHttpDefinition(logicalId, props, document);
  if ('refusal' in imported) fail(imported.refusal as string);
  return imported as ImportedDefinition;
}
