import { describe, expect, it } from 'vitest';
import { credentialsFromEnvironment } from '../../src/services/aws-credentials.js';

describe('credentialsFromEnvironment', () => {
  it('reads the key ID, the secret and the session token', () => {
    expect(
      credentialsFromEnvironment({
        AWS_ACCESS_KEY_ID: 'a',
        AWS_SECRET_ACCESS_KEY: 'b',
        AWS_SESSION_TOKEN: 'c',
      }),
    ).toEqual({ accessKeyId: 'a', secretAccessKey: 'b', sessionToken: 'c' });
  });

  it('has none unless both the key ID and the secret are set', () => {
    expect(credentialsFromEnvironment({ AWS_ACCESS_KEY_ID: 'a' })).toBeUndefined();
    expect(credentialsFromEnvironment({ AWS_SECRET_ACCESS_KEY: 'b' })).toBeUndefined();
  });
});
