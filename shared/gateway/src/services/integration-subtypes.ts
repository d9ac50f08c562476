import type { AwsServiceName } from './service-catalog.js';

/** What an HTTP API first-class integration (`IntegrationSubtype`) calls, and with which parameters. */
export interface IntegrationSubtypeDescription {
  /** e.g. `Kinesis-PutRecord`. */
  readonly subtype: string;
  readonly service: AwsServiceName;
  /** The service action, e.g. `PutRecord`. */
  readonly action: string;
  /** The `RequestParameters` keys an integration must map. */
  readonly required: readonly string[];
  /** The keys it may map besides; `Region` picks the region of the call. */
  readonly optional: readonly string[];
  /**
   * Builds the action's input from the mapped values (`Region` excluded).
   * @param values - each mapped parameter's value for one request; a value that resolved to nothing is absent
   */
  readonly input: (values: ReadonlyMap<string, string>) => Record<string, unknown>;
}

/**
 * The first-class integrations the local gateway serves, by `IntegrationSubtype`.
 *
 * `Kinesis-PutRecord`: `Data` is the record's content as text; the gateway base64-encodes it for the wire,
 * as an SDK encodes a blob, so a consumer reading the record gets the text back **[choice]** — AWS does not
 * say whether API Gateway expects `Data` already encoded.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
 */
export const SUPPORTED_SUBTYPES: ReadonlyMap<string, IntegrationSubtypeDescription> = new Map([
  [
    'Kinesis-PutRecord',
    {
      subtype: 'Kinesis-PutRecord',
      service: 'kinesis',
      action: 'PutRecord',
      required: ['StreamName', 'Data', 'PartitionKey'],
      optional: ['SequenceNumberForOrdering', 'ExplicitHashKey', 'Region'],
      input: (values) => {
        const input: Record<string, unknown> = {};
        for (const [name, value] of values) {
          if (name === 'Region') continue;
          input[name] = name === 'Data' ? Buffer.from(value, 'utf8').toString('base64') : value;
        }
        return input;
      },
    },
  ],
]);

/**
 * Every `IntegrationSubtype` API Gateway defines, so that a template using one the local gateway does not
 * serve is refused with a message that says so (rather than as a typo).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
 */
export const AWS_INTEGRATION_SUBTYPES: readonly string[] = [
  'AppConfig-GetConfiguration',
  'EventBridge-PutEvents',
  'Kinesis-PutRecord',
  'SQS-DeleteMessage',
  'SQS-PurgeQueue',
  'SQS-ReceiveMessage',
  'SQS-SendMessage',
  'StepFunctions-StartExecution',
  'StepFunctions-StartSyncExecution',
  'StepFunctions-StopExecution',
];
