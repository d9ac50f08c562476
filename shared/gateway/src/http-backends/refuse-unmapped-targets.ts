import type { LoadedStack } from '../assembly/load-assembly.js';
import { GatewayConfigError } from '../errors.js';
import type { RestApiModel, RestResource } from '../rest/rest-api-model.js';
import type { HttpBackends } from './http-backends.js';
import type { HttpTarget } from './http-target.js';

/**
 * Refuses the HTTP integrations of a REST API whose backend the gateway has nowhere to send to: a private
 * integration (VPC link) or a URI made of a load balancer's address, neither of which exists before
 * deployment, without an `--http-endpoint` mapping for it.
 * @throws GatewayConfigError naming the method
 */
export function refuseUnmappedRestTargets(
  api: RestApiModel,
  backends: HttpBackends,
  stack: LoadedStack,
): void {
  const visit = (resource: RestResource) => {
    for (const method of resource.methods.values()) {
      const target = method.integration.http?.target;
      if (target) refuseUnmapped(target, backends, stack, method.logicalId);
    }
    for (const child of resource.children.values()) visit(child);
    if (resource.parameterChild) visit(resource.parameterChild.resource);
    if (resource.greedyChild) visit(resource.greedyChild.resource);
  };
  visit(api.root);
}

/**
 * Refuses one HTTP integration target the gateway has nowhere to send to.
 * @throws GatewayConfigError naming `logicalId`
 */
export function refuseUnmapped(
  target: HttpTarget,
  backends: HttpBackends,
  stack: LoadedStack,
  logicalId: string,
): void {
  const refusal = backends.refusal(target);
  if (refusal) throw new GatewayConfigError(refusal, { file: stack.templateFile, resource: logicalId });
}
