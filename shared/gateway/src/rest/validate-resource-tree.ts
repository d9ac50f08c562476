import type { RestResource } from './rest-api-model.js';

/**
 * The message AWS refuses a new `AWS::ApiGateway::Resource` with, or `undefined` when AWS accepts it: a
 * resource may have one variable child only (`{name}` or `{name+}`), and a greedy resource none at all
 * (recorded on AWS by the LocalStack test
 * `test_apigateway_api.py::TestApiGatewayApiResource::test_create_proxy_resource_validation`, validated
 * 2024-04-15).
 * @param parent - the resource the new one is created under
 * @param pathPart - the new resource's `PathPart`
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_CreateResource.html
 */
export function resourcePathProblem(parent: RestResource, pathPart: string): string | undefined {
  const parentPart = parent.path.slice(parent.path.lastIndexOf('/') + 1);
  if (/^\{.+\+\}$/.test(parentPart)) {
    return `Cannot create a child of a resource with a greedy path variable: ${parentPart}`;
  }
  if (/^\{.+\}$/.test(pathPart)) {
    const sibling = parent.greedyChild
      ? `{${parent.greedyChild.name}+}`
      : parent.parameterChild
        ? `{${parent.parameterChild.name}}`
        : undefined;
    if (sibling) {
      return `A sibling (${sibling}) of this resource already has a variable path part -- only one is allowed`;
    }
  }
  return undefined;
}
