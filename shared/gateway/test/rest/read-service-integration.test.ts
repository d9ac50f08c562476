import { describe, expect, it } from 'vitest';
import { readServiceIntegration } from '../../src/rest/read-service-integration.js';

const fail = (message: string): never => {
  throw new Error(message);
};
const putItem = 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem';

describe('readServiceIntegration', () => {
  it('reads an action URI, its HTTP method, credentials and a label', () => {
    const read = readServiceIntegration(
      putItem,
      { IntegrationHttpMethod: 'post', Credentials: 'arn:aws:iam::123456789012:role/R' },
      fail,
    );
    expect(read).toMatchObject({
      service: 'dynamodb',
      httpMethod: 'POST',
      credentials: 'arn:aws:iam::123456789012:role/R',
      label: 'dynamodb:PutItem',
    });
  });

  it('refuses a service the gateway has no backend for, and an action it does not serve, quoting the URI', () => {
    expect(() =>
      readServiceIntegration('arn:aws:apigateway:us-east-1:sqs:action/SendMessage', {}, fail),
    ).toThrow(/calls "sqs", which the local gateway has no backend for/);
    expect(() =>
      readServiceIntegration(
        'arn:aws:apigateway:us-east-1:dynamodb:action/ExportTableToPointInTime',
        {},
        fail,
      ),
    ).toThrow(/calls the .* action "ExportTableToPointInTime", which the local gateway does not serve/);
  });

  it('refuses a path URI whose placeholder no request parameter maps', () => {
    const uri = 'arn:aws:apigateway:us-east-1:kinesis:path/streams/{name}/record';
    expect(() => readServiceIntegration(uri, {}, fail)).toThrow(
      /uses \{name\}, but no RequestParameters entry maps integration\.request\.path\.name/,
    );
  });
});
