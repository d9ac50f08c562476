import { GatewayConfigError } from '../errors.js';
import type { PreparedStack } from './prepare-assembly.js';

/** Resource types that attach to a REST API by `RestApiId` and change how it answers. */
const REST_PARTS = new Set([
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::Method',
  'AWS::ApiGateway::Deployment',
  'AWS::ApiGateway::Stage',
  'AWS::ApiGateway::GatewayResponse',
  'AWS::ApiGateway::Authorizer',
  'AWS::ApiGateway::RequestValidator',
  'AWS::ApiGateway::Model',
]);

/** Resource types that attach to an HTTP API by `ApiId` and change how it answers. */
const HTTP_PARTS = new Set([
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Stage',
  'AWS::ApiGatewayV2::Deployment',
  'AWS::ApiGatewayV2::Authorizer',
  'AWS::ApiGatewayV2::RouteResponse',
  'AWS::ApiGatewayV2::IntegrationResponse',
  'AWS::ApiGatewayV2::Model',
]);

/** Where an API is defined. */
interface ApiHome {
  readonly stack: PreparedStack;
  readonly logicalId: string;
  readonly kind: 'REST' | 'HTTP';
}

/**
 * Refuses the parts of an API (resources, methods, routes, integrations, stages, deployments, …) that a
 * stack attaches to an API it does not define — one of another stack, imported by ID — when the part's stack
 * or the API's stack is served: the gateway reads an API with the resources of its own stack (nested stacks
 * included), so such parts would otherwise be dropped without a word.
 * @throws GatewayConfigError naming the part, the API it attaches to and the stacks
 */
export function refuseForeignApiParts(
  all: readonly PreparedStack[],
  selected: readonly PreparedStack[],
): void {
  const homes = new Map<string, ApiHome>();
  for (const stack of all) {
    for (const [logicalId, resource] of Object.entries(stack.stack.template.Resources ?? {})) {
      const kind =
        resource.Type === 'AWS::ApiGateway::RestApi'
          ? 'REST'
          : resource.Type === 'AWS::ApiGatewayV2::Api'
            ? 'HTTP'
            : undefined;
      if (!kind) continue;
      try {
        homes.set(String(stack.resolver.ref(logicalId)), { stack, logicalId, kind });
      } catch {
        // An API whose name has no local value is refused when its own stack is read.
      }
    }
  }
  const served = new Set(selected);
  for (const stack of all) {
    for (const [logicalId, resource] of Object.entries(stack.stack.template.Resources ?? {})) {
      const isRest = REST_PARTS.has(resource.Type);
      if (!isRest && !HTTP_PARTS.has(resource.Type)) continue;
      const raw = resource.Properties?.[isRest ? 'RestApiId' : 'ApiId'];
      if (raw === undefined) continue;
      let apiId: string;
      try {
        apiId = stack.resolver.resolveString(raw, isRest ? 'RestApiId' : 'ApiId');
      } catch (error) {
        if (!served.has(stack)) continue;
        throw new GatewayConfigError(
          `its ${isRest ? 'RestApiId' : 'ApiId'} has no local value, so the API it belongs to is unknown: ${(error as Error).message}`,
          { file: stack.stack.templateFile, resource: logicalId },
        );
      }
      const home = homes.get(apiId);
      if (home?.stack === stack) continue;
      if (!served.has(stack) && !(home && served.has(home.stack))) continue;
      const what = `this ${resource.Type.replace(/^AWS::/, '')}`;
      const where = { file: stack.stack.templateFile, resource: logicalId };
      if (home) {
        throw new GatewayConfigError(
          `${what} attaches to the ${home.kind} API ${home.logicalId} of the stack ${home.stack.stack.stackName}, imported by ID into the stack ${stack.stack.stackName}; the local gateway serves an API with the resources of its own stack and its nested stacks only, and on AWS such parts are live only in a deployment made after this stack's (see docs/behaviour.md#apis-defined-across-stacks)`,
          where,
        );
      }
      throw new GatewayConfigError(
        `${what} attaches to the API ${JSON.stringify(apiId)}, which no stack of this assembly defines, so the local gateway has no API to serve it with (see docs/behaviour.md#apis-defined-across-stacks)`,
        where,
      );
    }
  }
}
