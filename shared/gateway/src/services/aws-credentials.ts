/**
 * AWS credentials for signing requests to a service endpoint.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-static-credentials.html
 */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The session token of temporary credentials, sent as `X-Amz-Security-Token`. */
  readonly sessionToken?: string;
}

/**
 * The credentials the gateway signs with when a service runs on this machine (its embedded backend, or
 * e.g. DynamoDB Local) and the environment holds none. Local servers check the signature's shape, not the
 * key; DynamoDB Local uses the access key ID to keep one set of tables per key.
 */
export const LOCAL_CREDENTIALS: AwsCredentials = Object.freeze({
  accessKeyId: 'local',
  secretAccessKey: 'local',
});

/**
 * The credentials of the standard environment variables `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
 * `AWS_SESSION_TOKEN`. Shared profiles, SSO and instance roles are not read.
 * @returns `undefined` unless both the key ID and the secret are set
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/environment-variables.html
 */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv = process.env): AwsCredentials | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = env.AWS_SESSION_TOKEN;
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}
