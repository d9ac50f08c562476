import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import { readHttpTarget } from '../http-backends/http-target.js';
import type { HttpUrlProxyIntegration, ProxyParameterMapping } from './http-api-model.js';
import { parseMappingValue } from './parameter-mapping.js';

/**
 * Headers an HTTP API parameter mapping may not change (AWS's list of reserved headers).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html#http-api-mapping-reserved-headers
 */
const RESERVED_HEADER =
  /^(access-control-.*|apigw-.*|authorization|connection|content-encoding|content-length|content-location|forwarded|keep-alive|origin|proxy-authenticate|proxy-authorization|te|trailers|transfer-encoding|upgrade|x-amz-.*|x-amzn-.*|x-forwarded-for|x-forwarded-host|x-forwarded-proto|via)$/i;

/**
 * Reads an `HTTP_PROXY` integration of an HTTP API (CDK's `HttpUrlIntegration`, or a private integration
 * through a VPC link — `HttpAlbIntegration`, `HttpNlbIntegration`, `HttpServiceDiscoveryIntegration`):
 * its URI, method, payload format 1.0 and request parameter mapping (`append|overwrite|remove:header.<name>`,
 * `append|overwrite|remove:querystring.<name>`, `overwrite:path`). Response parameter mappings are refused.
 * @param props - the integration's resolved properties
 * @param fail - throws the reader's refusal for this integration
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-http.html
 */
export function readHttpProxyIntegration(
  resolver: IntrinsicResolver,
  logicalId: string,
  props: Record<string, unknown>,
  timeoutMs: number,
  fail: (message: string) => never,
): HttpUrlProxyIntegration {
  const uri = props.IntegrationUri;
  if (typeof uri !== 'string' || uri === '')
    fail(`an HTTP_PROXY integration needs an IntegrationUri, got ${JSON.stringify(uri)}`);
  if (props.PayloadFormatVersion !== undefined && props.PayloadFormatVersion !== '1.0') {
    fail(
      `PayloadFormatVersion must be "1.0" for an HTTP_PROXY integration, got ${JSON.stringify(props.PayloadFormatVersion)}`,
    );
  }
  if (props.ResponseParameters !== undefined) {
    fail(
      'ResponseParameters (response parameter mapping) of an HTTP_PROXY integration are not emulated by the local gateway (see docs/behaviour.md#http-integrations)',
    );
  }
  const parameters: ProxyParameterMapping[] = [];
  for (const [key, raw] of Object.entries((props.RequestParameters as object | undefined) ?? {})) {
    const match = /^(append|overwrite|remove):(header|querystring)\.(.+)$|^(overwrite):(path)$/.exec(key);
    if (!match) {
      fail(
        `RequestParameters has ${JSON.stringify(key)}; an HTTP_PROXY integration maps append|overwrite|remove:header.<name>, append|overwrite|remove:querystring.<name> or overwrite:path`,
      );
    }
    const action = (match[1] ?? match[4]) as ProxyParameterMapping['action'];
    const location = (match[2] ?? match[5]) as ProxyParameterMapping['location'];
    const name = match[3] ?? '';
    if (location === 'header' && RESERVED_HEADER.test(name)) {
      fail(`RequestParameters cannot map the reserved header ${JSON.stringify(name)} (${key})`);
    }
    const value = parseMappingValue(String(raw));
    if ('invalid' in value) {
      fail(
        `Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid source: ${value.invalid} specified for destination: ${key}]`,
      );
    }
    parameters.push({ action, location, name, value });
  }
  const method = String(props.IntegrationMethod ?? 'ANY').toUpperCase();
  return {
    kind: 'http',
    logicalId,
    integrationId: resolver.ref(logicalId) as string,
    payloadFormatVersion: '1.0',
    target: readHttpTarget(resolver, uri, props.ConnectionType, props.ConnectionId),
    method,
    parameters,
    timeoutMs,
    label: `HTTP_PROXY ${uri}`,
  };
}
