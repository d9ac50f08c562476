import { describeService } from '../services/service-catalog.js';
import type { HttpServiceIntegration } from './http-api-model.js';
import { evaluateMappingValue, type MappingRequest } from './parameter-mapping.js';

/** The protocol request of one first-class integration call, before signing. */
export interface HttpServiceCall {
  readonly service: HttpServiceIntegration['subtype']['service'];
  /** The mapped `Region`, when the integration maps one. */
  readonly region: string | undefined;
  readonly method: 'POST';
  readonly path: '/';
  readonly headers: Array<[string, string]>;
  /** The action's input in the service's JSON protocol. */
  readonly body: string;
}

/**
 * Evaluates a first-class integration's `RequestParameters` for one request and builds the service
 * action's request: `POST /` with the service's JSON protocol `Content-Type` and
 * `X-Amz-Target: <prefix>.<Action>`, the mapped values as the action's input. A parameter whose value the
 * request has nothing for is left out, so the service answers for it (e.g. Kinesis refuses a `PutRecord`
 * without a `PartitionKey` with a `400 ValidationException`) **[choice]**.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
 */
export function serviceCall(integration: HttpServiceIntegration, input: MappingRequest): HttpServiceCall {
  const values = new Map<string, string>();
  for (const [name, value] of integration.parameters) {
    const evaluated = evaluateMappingValue(value, input);
    if (evaluated !== undefined) values.set(name, evaluated);
  }
  const { subtype } = integration;
  const description = describeService(subtype.service);
  return {
    service: subtype.service,
    region: values.get('Region'),
    method: 'POST',
    path: '/',
    headers: [
      ['Content-Type', description.contentType],
      ['X-Amz-Target', `${description.targetPrefix}.${subtype.action}`],
    ],
    body: JSON.stringify(subtype.input(values)),
  };
}
