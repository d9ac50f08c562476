import { describe, expect, it } from 'vitest';
import { parseServiceIntegrationUri, pathPlaceholders } from '../../src/services/service-integration-uri.js';

describe('parseServiceIntegrationUri', () => {
  it('reads the action form', () => {
    expect(parseServiceIntegrationUri('arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem')).toEqual({
      kind: 'action',
      region: 'eu-west-1',
      service: 'dynamodb',
      action: 'PutItem',
    });
  });

  it('reads the path form, keeping the path as written', () => {
    expect(parseServiceIntegrationUri('arn:aws:apigateway:us-east-1:s3:path/{bucket}/{key}')).toEqual({
      kind: 'path',
      region: 'us-east-1',
      service: 's3',
      path: '{bucket}/{key}',
    });
  });

  it('refuses a Lambda function ARN and anything else', () => {
    expect(parseServiceIntegrationUri('arn:aws:lambda:us-east-1:123456789012:function:f')).toBeUndefined();
    expect(parseServiceIntegrationUri('https://example.com')).toBeUndefined();
  });
});

describe('pathPlaceholders', () => {
  it('lists the {name} placeholders in order', () => {
    expect(pathPlaceholders('{bucket}/folder/{key}')).toEqual(['bucket', 'key']);
    expect(pathPlaceholders('plain/path')).toEqual([]);
  });
});
