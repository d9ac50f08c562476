/**
 * Reading a REST API's `AWS::ApiGateway::GatewayResponse` resources at load.
 * @module
 */
import type { CfnResource } from '../assembly/cfn-template.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import { GatewayConfigError } from '../errors.js';
import { GATEWAY_RESPONSE_TYPES } from './gateway-response-types.js';
import { compileKeyedTemplates } from './keyed-templates.js';
import { invalidMappingMessage, parseResponseParameter } from './response-parameter.js';
import type { GatewayResponseCustomisation } from './rest-api-model.js';

/**
 * Reads the API's customised gateway responses, by response type.
 * @param mine - the API's own resources, by logical ID
 * @param resolver - resolves their properties
 * @param file - the CloudFormation template's file, for errors
 * @throws GatewayConfigError for an unknown response type, a bad mapping, or a non-static header value
 */
export function readGatewayResponses(
  mine: ReadonlyArray<readonly [string, CfnResource]>,
  resolver: IntrinsicResolver,
  file: string,
): Map<string, GatewayResponseCustomisation> {
  const fail: (message: string, resource: string) => never = (message, resource) => {
    throw new GatewayConfigError(message, { file, resource });
  };
  const customised = new Map<string, GatewayResponseCustomisation>();
  for (const [id, r] of mine) {
    if (r.Type !== 'AWS::ApiGateway::GatewayResponse') continue;
    const props = resolver.resolve(r.Properties ?? {}) as Record<string, unknown>;
    const responseType = String(props.ResponseType);
    if (!GATEWAY_RESPONSE_TYPES.has(responseType)) {
      fail(`Invalid response type specified: ${responseType}`, id);
    }
    const headers: Array<readonly [string, string]> = [];
    for (const [key, value] of Object.entries((props.ResponseParameters as object | undefined) ?? {})) {
      const header = /^gatewayresponse\.header\.(.+)$/.exec(key);
      const source = parseResponseParameter(value);
      if (!header) fail(invalidMappingMessage(`Invalid mapping expression parameter specified: ${key}`), id);
      if (source?.kind !== 'static') {
        fail(`only static 'values' are supported locally for ${key}, got ${String(value)}`, id);
      }
      headers.push([header[1]!, source.value]);
    }
    customised.set(responseType, {
      responseType,
      statusCode: props.StatusCode === undefined ? undefined : Number(props.StatusCode),
      headers,
      templates: compileKeyedTemplates(props.ResponseTemplates, `${id} ResponseTemplates`, file),
    });
  }
  return customised;
}
