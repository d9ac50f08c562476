/**
 * Creating a template's DynamoDB tables and Kinesis streams in a local backend before its first request.
 * @module
 */
import type { GatewayLogger } from '../logging/gateway-logger.js';
import { LOCAL_CREDENTIALS } from './aws-credentials.js';
import type { TableDefinition } from './dynamodb-tables.js';
import { describeTransportError, type HttpTransport } from './http-transport.js';
import type { StreamDefinition } from './kinesis-streams.js';
import { type AwsServiceName, describeService } from './service-catalog.js';
import type { ServiceEndpoint } from './service-endpoints.js';
import { signV4 } from './sign-v4.js';

/**
 * Sends a local backend the signed control-plane calls (`CreateTable`, `CreateStream`, `Describe…`) that
 * make a template's tables and streams exist, as CloudFormation would have created them on AWS.
 */
export class LocalProvisioner {
  readonly #transport: HttpTransport;
  readonly #logger: GatewayLogger;
  readonly #endpointOf: (service: AwsServiceName) => ServiceEndpoint;

  /**
   * @param transport - sends the calls
   * @param endpointOf - where each service's requests go, for the credentials they are signed with
   */
  constructor(
    transport: HttpTransport,
    logger: GatewayLogger,
    endpointOf: (service: AwsServiceName) => ServiceEndpoint,
  ) {
    this.#transport = transport;
    this.#logger = logger;
    this.#endpointOf = endpointOf;
  }

  /**
   * Creates the tables in a local DynamoDB and waits until each is `ACTIVE`; one that already exists stays.
   * @returns what was created, e.g. `table Items`, for the log
   */
  async createTables(base: URL, region: string, tables: Iterable<TableDefinition>): Promise<string[]> {
    const names: string[] = [];
    for (const table of tables) {
      const name = String(table.input.TableName);
      const created = await this.#call(base, region, 'dynamodb', 'CreateTable', table.input);
      if (created.status !== 200 && !created.body.includes('ResourceInUseException')) {
        this.#logger.error(
          `dynamodb: table ${name} (${table.logicalId}) could not be created: ${created.status} ${created.body}`,
        );
        continue;
      }
      await this.#waitUntilActive(
        base,
        region,
        'dynamodb',
        'DescribeTable',
        { TableName: name },
        (answer) => {
          return (answer as { Table?: { TableStatus?: string } }).Table?.TableStatus;
        },
      );
      names.push(`table ${name}`);
    }
    return names;
  }

  /**
   * Creates the streams in a local Kinesis and waits until each is `ACTIVE`; one that already exists stays.
   * @returns what was created, e.g. `stream events`, for the log
   */
  async createStreams(base: URL, region: string, streams: Iterable<StreamDefinition>): Promise<string[]> {
    const names: string[] = [];
    for (const stream of streams) {
      const name = stream.input.StreamName;
      const created = await this.#call(base, region, 'kinesis', 'CreateStream', stream.input);
      if (created.status !== 200 && !created.body.includes('ResourceInUseException')) {
        this.#logger.error(
          `kinesis: stream ${name} (${stream.logicalId}) could not be created: ${created.status} ${created.body}`,
        );
        continue;
      }
      await this.#waitUntilActive(
        base,
        region,
        'kinesis',
        'DescribeStreamSummary',
        { StreamName: name },
        (answer) => {
          return (answer as { StreamDescriptionSummary?: { StreamStatus?: string } }).StreamDescriptionSummary
            ?.StreamStatus;
        },
      );
      names.push(`stream ${name}`);
    }
    return names;
  }

  async #waitUntilActive(
    base: URL,
    region: string,
    service: AwsServiceName,
    action: string,
    input: Record<string, unknown>,
    statusOf: (answer: unknown) => string | undefined,
  ): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const described = await this.#call(base, region, service, action, input);
      if (described.status === 200 && statusOf(JSON.parse(described.body)) === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    this.#logger.error(`${service}: ${JSON.stringify(input)} did not become ACTIVE`);
  }

  /** One provisioning call to a local backend; throws when it cannot be reached. */
  async #call(
    base: URL,
    region: string,
    service: AwsServiceName,
    action: string,
    input: unknown,
  ): Promise<{ status: number; body: string }> {
    const description = describeService(service);
    const endpoint = this.#endpointOf(service);
    const headers = {
      'Content-Type': description.contentType,
      'X-Amz-Target': `${description.targetPrefix}.${action}`,
    };
    const body = JSON.stringify(input);
    const signed = signV4(
      { method: 'POST', url: base, headers, body },
      {
        region,
        service,
        credentials: endpoint.kind === 'embedded' ? LOCAL_CREDENTIALS : endpoint.credentials,
      },
    );
    try {
      const response = await this.#transport.send(base, {
        method: 'POST',
        headers: { ...headers, ...signed },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, body: response.body };
    } catch (error) {
      throw new Error(
        `${service} at ${base.origin} cannot be reached: ${describeTransportError(error, base)}`,
      );
    }
  }
}
