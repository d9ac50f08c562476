import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../src/services/aws-credentials.js';
import { ServiceEndpointError } from '../../src/services/service-endpoint-error.js';
import {
  isLoopbackHost,
  parseEndpointFlag,
  regionalEndpoint,
  resolveServiceEndpoints,
} from '../../src/services/service-endpoints.js';

const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret' };

describe('resolveServiceEndpoints', () => {
  it('uses the embedded backend of every service by default', () => {
    const endpoints = resolveServiceEndpoints(undefined, {});

    expect([...endpoints.values()]).toEqual([
      { kind: 'embedded', service: 'dynamodb' },
      { kind: 'embedded', service: 'kinesis' },
    ]);
  });

  it('reads AWS_ENDPOINT_URL_DYNAMODB, as the AWS SDKs do, and signs a local URL with local credentials', () => {
    const endpoints = resolveServiceEndpoints(undefined, {
      AWS_ENDPOINT_URL_DYNAMODB: 'http://localhost:8000',
    });

    expect(endpoints.get('dynamodb')).toEqual({
      kind: 'url',
      service: 'dynamodb',
      url: new URL('http://localhost:8000'),
      isLocal: true,
      credentials: LOCAL_CREDENTIALS,
    });
    expect(endpoints.get('kinesis')).toEqual({ kind: 'embedded', service: 'kinesis' });
  });

  it('lets an explicit setting win over the environment variable', () => {
    const endpoints = resolveServiceEndpoints(
      { dynamodb: 'embedded' },
      { AWS_ENDPOINT_URL_DYNAMODB: 'http://localhost:8000' },
    );

    expect(endpoints.get('dynamodb')?.kind).toBe('embedded');
  });

  it('sends "aws" to the real endpoint with the credentials of the environment', () => {
    const endpoints = resolveServiceEndpoints(
      { kinesis: 'aws' },
      { ...CREDENTIALS, AWS_SESSION_TOKEN: 'tok' },
    );

    expect(endpoints.get('kinesis')).toEqual({
      kind: 'aws',
      service: 'kinesis',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'tok' },
    });
  });

  it('refuses an endpoint off this machine without credentials, saying which variables to set', () => {
    expect(() =>
      resolveServiceEndpoints({ dynamodb: 'https://dynamodb.eu-west-1.amazonaws.com' }, {}),
    ).toThrow(
      /the dynamodb endpoint setting sends dynamodb requests to https:\/\/dynamodb\.eu-west-1\.amazonaws\.com, which needs AWS credentials: set AWS_ACCESS_KEY_ID/,
    );
  });

  it('refuses a value that is neither embedded, aws nor an http(s) URL, quoting it and its origin', () => {
    expect(() => resolveServiceEndpoints(undefined, { AWS_ENDPOINT_URL_KINESIS: 'localhost:4567' })).toThrow(
      new ServiceEndpointError(
        'AWS_ENDPOINT_URL_KINESIS is "localhost:4567"; expected "embedded", "aws" or an http(s) URL such as http://127.0.0.1:8000',
      ),
    );
  });

  it('refuses a service it does not call', () => {
    expect(() => resolveServiceEndpoints({ sqs: 'aws' } as never, CREDENTIALS)).toThrow(
      'there is no service "sqs" to point elsewhere; the gateway calls dynamodb and kinesis',
    );
  });
});

describe('isLoopbackHost', () => {
  it.for([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['dynamodb.us-east-1.amazonaws.com', false],
    ['10.0.0.1', false],
  ] as const)('says %s is local: %s', ([host, local]) => {
    expect(isLoopbackHost(host)).toBe(local);
  });
});

describe('regionalEndpoint', () => {
  it('names the service and region, with the China suffix for cn- regions', () => {
    expect(regionalEndpoint('dynamodb', 'eu-west-1').href).toBe('https://dynamodb.eu-west-1.amazonaws.com/');
    expect(regionalEndpoint('kinesis', 'cn-north-1').href).toBe(
      'https://kinesis.cn-north-1.amazonaws.com.cn/',
    );
  });
});

describe('parseEndpointFlag', () => {
  it('splits service=value on the first =, lower-casing the service', () => {
    expect(parseEndpointFlag('DynamoDB=http://127.0.0.1:8000/?a=b')).toEqual([
      'dynamodb',
      'http://127.0.0.1:8000/?a=b',
    ]);
  });

  it('refuses a value without a service, quoting it', () => {
    expect(() => parseEndpointFlag('http://127.0.0.1:8000')).toThrow(/got "http:\/\/127\.0\.0\.1:8000"/);
  });
});
