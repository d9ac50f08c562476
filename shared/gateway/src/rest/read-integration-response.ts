/**
 * Reading one integration response of a REST method at load: its status, selection pattern, header mappings
 * and templates, refused as `PutIntegrationResponse` refuses them.
 * @module
 */
import { compileKeyedTemplates } from './keyed-templates.js';
import {
  invalidMappingMessage,
  parseResponseParameter,
  type ResponseParameterSource,
} from './response-parameter.js';
import type { RestIntegrationResponse, RestIntegrationType } from './rest-api-model.js';

/**
 * Reads `Integration.IntegrationResponses[index]` of a method.
 * @param response - the resolved integration response
 * @param where - the method's logical ID, the response's index and the template's file
 * @param methodResponses - the headers each declared method response declares, by status code
 * @param type - the integration's type: proxies need no method response
 * @param fail - throws the load error for the method
 */
export function readIntegrationResponse(
  response: Record<string, unknown>,
  where: { readonly logicalId: string; readonly index: number; readonly file: string },
  methodResponses: ReadonlyMap<string, ReadonlySet<string>>,
  type: RestIntegrationType,
  fail: (message: string) => never,
): RestIntegrationResponse {
  const { logicalId, index, file } = where;
  const statusCode = String(response.StatusCode);
  const declared = methodResponses.get(statusCode);
  if (!declared && type !== 'AWS_PROXY' && type !== 'HTTP_PROXY') {
    // PutIntegrationResponse for a status the method does not declare is refused (404 NotFoundException).
    fail(`Invalid Response status code specified: integration response ${statusCode} has no method response`);
  }
  const responseParameters: Array<readonly [string, ResponseParameterSource]> = [];
  for (const [key, value] of Object.entries((response.ResponseParameters as object | undefined) ?? {})) {
    const header = /^method\.response\.header\.(.+)$/.exec(key);
    if (!header || !declared?.has(header[1]!.toLowerCase())) {
      fail(invalidMappingMessage(`Invalid mapping expression parameter specified: ${key}`));
    }
    const source = parseResponseParameter(value);
    if (!source) fail(invalidMappingMessage(`Invalid mapping expression specified: ${String(value)}`));
    responseParameters.push([header[1]!, source]);
  }
  let selectionPattern: RegExp | undefined;
  const pattern = response.SelectionPattern;
  if (typeof pattern === 'string' && pattern !== '') {
    try {
      selectionPattern = new RegExp(`^(?:${pattern})$`);
    } catch (error) {
      fail(`Invalid selection pattern specified: ${pattern} (${(error as Error).message})`);
    }
  }
  return {
    statusCode,
    selectionPattern,
    responseParameters,
    responseTemplates: compileKeyedTemplates(
      response.ResponseTemplates,
      `${logicalId} Integration.IntegrationResponses[${index}].ResponseTemplates`,
      file,
    ),
  };
}
