/**
 * The values of pseudo parameters as the local gateway reports them.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
 */
export interface PseudoParameters {
  /** @default 'us-east-1', or `AWS_REGION` / `AWS_DEFAULT_REGION` when set */
  readonly region: string;
  /** @default '123456789012' */
  readonly accountId: string;
  /** @default 'aws' */
  readonly partition: string;
  /** @default 'amazonaws.com' */
  readonly urlSuffix: string;
}

/** Pseudo parameters for a machine with no AWS account: a documentation account ID and the caller's region. */
export function localPseudoParameters(env: NodeJS.ProcessEnv = process.env): PseudoParameters {
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    accountId: '123456789012',
    partition: 'aws',
    urlSuffix: 'amazonaws.com',
  };
}
