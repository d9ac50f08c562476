import { describe, expect, it } from 'vitest';
import { GatewayConfigError } from '../../src/errors.js';
import { startGateway } from '../../src/start-gateway.js';
import { API_ROLE, dynamoDbActionUri, itemsTable } from '../services/fixtures.js';
import { role } from '../support/dynamodb-rest-api.js';
import { restApiTemplate, writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

describe('REST AWS integrations the gateway refuses at load, naming the method', () => {
  async function refusal(integration: Record<string, unknown>): Promise<GatewayConfigError> {
    const source = writeTemplate(
      restApiTemplate({
        methods: [{ path: '/x', httpMethod: 'POST', integration, methodResponses: [{ StatusCode: '200' }] }],
        extraResources: { Items: itemsTable(), ApiRole: API_ROLE },
      }),
    );
    const error = await startGateway({ source, port: 0, logger: recordingLogger() }).then(
      async (gateway) => {
        await gateway.close();
        return undefined;
      },
      (failure: unknown) => failure,
    );
    if (!(error instanceof GatewayConfigError)) throw new Error(`expected a refusal, got ${String(error)}`);
    return error;
  }

  const base = { Type: 'AWS', IntegrationHttpMethod: 'POST', Credentials: role };

  it.for([
    [
      'a DynamoDB action the embedded backend does not serve',
      { ...base, Uri: dynamoDbActionUri('TransactWriteItems') },
      'calls the DynamoDB action "TransactWriteItems", which the local gateway does not serve; it serves BatchGetItem',
    ],
    [
      'a service it has no backend for',
      { ...base, Uri: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue' },
      'calls "sqs", which the local gateway has no backend for; it calls dynamodb and kinesis',
    ],
    [
      'a URI that is neither Lambda nor a service',
      { ...base, Uri: 'https://example.com/' },
      'Invalid ARN specified in the request',
    ],
    [
      'a path placeholder no parameter fills',
      { ...base, Uri: 'arn:aws:apigateway:us-east-1:kinesis:path/streams/{name}' },
      'uses {name}, but no RequestParameters entry maps integration.request.path.name',
    ],
    [
      'a request parameter mapped to something other than the integration request',
      { ...base, Uri: dynamoDbActionUri('Scan'), RequestParameters: { 'method.request.header.X': "'a'" } },
      'Invalid mapping expression parameter specified: method.request.header.X',
    ],
    [
      'a request parameter from an invalid source',
      { ...base, Uri: dynamoDbActionUri('Scan'), RequestParameters: { 'integration.request.header.X': 'a' } },
      'Invalid mapping expression specified: a',
    ],
  ] as const)('refuses %s', async ([, integration, message]) => {
    const error = await refusal(integration);

    expect(error.where.resource).toBe('Method0');
    expect(error.message).toContain(message);
  });
});
