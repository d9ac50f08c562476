import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signV4 } from '../../src/services/sign-v4.js';

/** The credentials, region, service and time of the AWS Signature Version 4 test suite. */
const SUITE = {
  region: 'us-east-1',
  service: 'service',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  now: new Date('2015-08-30T12:36:00Z'),
};

/** The signature of the suite's "get-vanilla" request in `scope`, derived step by step as the suite shows. */
function getVanillaSignature(scope: typeof SUITE): string {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
  const amzDate = `${scope.now.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
  const date = amzDate.slice(0, 8);
  const canonical = `GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:${amzDate}\n\nhost;x-amz-date\n${sha256('')}`;
  const credentialScope = `${date}/${scope.region}/${scope.service}/aws4_request`;
  let key = hmac(`AWS4${scope.credentials.secretAccessKey}`, date);
  for (const part of [scope.region, scope.service, 'aws4_request']) key = hmac(key, part);
  return hmac(key, `AWS4-HMAC-SHA256\n${amzDate}\n${credentialScope}\n${sha256(canonical)}`).toString('hex');
}

function signatureOf(authorization: string | undefined): string | undefined {
  return /Signature=([0-9a-f]{64})$/.exec(authorization ?? '')?.[1];
}

describe('signV4', () => {
  it('signs the suite\'s "get-vanilla" request with its published signature', () => {
    const added = signV4(
      { method: 'GET', url: new URL('https://example.amazonaws.com/'), headers: {}, body: '' },
      SUITE,
    );

    expect(added).toEqual({
      'X-Amz-Date': '20150830T123600Z',
      Authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    });
  });

  it('derives the key of each day, region, service and secret, whichever it signed with before', () => {
    const request = { method: 'GET', url: new URL('https://example.amazonaws.com/'), headers: {}, body: '' };
    const scopes = [
      SUITE,
      { ...SUITE, now: new Date('2015-08-31T00:00:01Z') },
      { ...SUITE, region: 'eu-west-1' },
      { ...SUITE, service: 'dynamodb' },
      { ...SUITE, credentials: { ...SUITE.credentials, secretAccessKey: 'another secret' } },
      SUITE,
    ];
    for (const scope of scopes) {
      expect(signatureOf(signV4(request, scope).Authorization)).toBe(getVanillaSignature(scope));
    }
  });

  it('signs "post-vanilla" with its published signature', () => {
    const added = signV4(
      { method: 'POST', url: new URL('https://example.amazonaws.com/'), headers: {}, body: '' },
      SUITE,
    );

    expect(signatureOf(added.Authorization)).toBe(
      '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
    );
  });

  it('sorts the query parameters, as "get-vanilla-query-order-key-case" expects', () => {
    const added = signV4(
      {
        method: 'GET',
        url: new URL('https://example.amazonaws.com/?Param2=value2&Param1=value1'),
        headers: {},
        body: '',
      },
      SUITE,
    );

    expect(signatureOf(added.Authorization)).toBe(
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    );
  });

  it('signs every header it is given, lower-cased and sorted, and the body', () => {
    const request = {
      method: 'POST',
      url: new URL('http://127.0.0.1:8000/'),
      headers: { 'X-Amz-Target': 'DynamoDB_20120810.Scan', 'Content-Type': 'application/x-amz-json-1.0' },
      body: '{"TableName":"t"}',
    };

    const first = signV4(request, SUITE);
    const otherBody = signV4({ ...request, body: '{"TableName":"u"}' }, SUITE);

    expect(first.Authorization).toContain('SignedHeaders=content-type;host;x-amz-date;x-amz-target,');
    expect(signatureOf(first.Authorization)).not.toBe(signatureOf(otherBody.Authorization));
  });

  it('adds and signs X-Amz-Security-Token for temporary credentials', () => {
    const added = signV4(
      { method: 'POST', url: new URL('https://dynamodb.us-east-1.amazonaws.com/'), headers: {}, body: '' },
      { ...SUITE, credentials: { ...SUITE.credentials, sessionToken: 'token' } },
    );

    expect(added['X-Amz-Security-Token']).toBe('token');
    expect(added.Authorization).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token,');
  });

  it('hashes the empty body as SHA-256 of nothing (the suite relies on it)', () => {
    expect(createHash('sha256').update('').digest('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});
