/**
 * Reading a first-class AWS service integration of an HTTP API (`IntegrationSubtype`) at load.
 * @module
 */
import { AWS_INTEGRATION_SUBTYPES, SUPPORTED_SUBTYPES } from '../services/integration-subtypes.js';
import type { HttpServiceIntegration } from './http-api-model.js';
import { type MappingValue, parseMappingValue } from './parameter-mapping.js';

/**
 * Reads a first-class integration: a subtype the gateway has a backend for, payload format 1.0, and
 * `RequestParameters` that map every required parameter of the action from valid sources.
 * @param logicalId - the integration's logical ID
 * @param props - its resolved properties
 * @param timeoutMs - its `TimeoutInMillis`, read already
 * @param integrationId - its physical ID
 * @param fail - throws the load error for the integration
 * @see docs/services.md
 */
export function readHttpServiceIntegration(
  logicalId: string,
  props: Record<string, unknown>,
  timeoutMs: number,
  integrationId: string,
  fail: (message: string) => never,
): HttpServiceIntegration {
  const name = String(props.IntegrationSubtype);
  const subtype = SUPPORTED_SUBTYPES.get(name);
  const supported = [...SUPPORTED_SUBTYPES.keys()].join(', ');
  if (!subtype) {
    fail(
      AWS_INTEGRATION_SUBTYPES.includes(name)
        ? `IntegrationSubtype ${JSON.stringify(name)} has no local backend; the local gateway serves ${supported} (see docs/services.md)`
        : `IntegrationSubtype ${JSON.stringify(name)} is not a subtype API Gateway defines (${AWS_INTEGRATION_SUBTYPES.join(', ')})`,
    );
  }
  if (props.PayloadFormatVersion !== '1.0') {
    fail(
      `PayloadFormatVersion must be "1.0" for an AWS service integration, got ${JSON.stringify(props.PayloadFormatVersion)}`,
    );
  }
  const parameters: Array<readonly [string, MappingValue]> = [];
  const known = [...subtype.required, ...subtype.optional];
  for (const [key, value] of Object.entries((props.RequestParameters as object | undefined) ?? {})) {
    if (!known.includes(key)) {
      fail(
        `RequestParameters has ${JSON.stringify(key)}, which is not a parameter of ${name}; it takes ${known.join(', ')}`,
      );
    }
    const parsed = parseMappingValue(String(value));
    if ('invalid' in parsed) {
      fail(
        `Invalid selection expression specified: Validation Result: warnings : [], errors : [Invalid source: ${parsed.invalid} specified for destination: ${key}]`,
      );
    }
    parameters.push([key, parsed]);
  }
  const missing = subtype.required.filter((required) => !parameters.some(([key]) => key === required));
  if (missing.length > 0) {
    fail(`the ${name} integration must map ${missing.join(', ')} in RequestParameters`);
  }
  const credentials = props.CredentialsArn;
  return {
    kind: 'service',
    logicalId,
    integrationId,
    payloadFormatVersion: '1.0',
    subtype,
    parameters,
    credentials: typeof credentials === 'string' && credentials !== '' ? credentials : undefined,
    timeoutMs,
  };
}
