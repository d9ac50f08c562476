/**
 * The CDK app of chapter 01. `cdk synth`, `cdk deploy` and `cdk destroy` run it (see `cdk.json`).
 *
 * @module
 */
import { App } from 'aws-cdk-lib';
import { ProxyCorsRestapiStack } from '../lib/proxy-cors-restapi-stack.js';

const app = new App();

new ProxyCorsRestapiStack(app, 'ProxyCorsRestapiStack', {
  stackName: 'proxy-cors-restapi-stack',
  // Set by the CDK CLI from your AWS profile; without one the stack stays environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  allowedOrigins: originsFromContext(app.node.tryGetContext('allowedOrigins')),
});

/**
 * Reads the optional `allowedOrigins` context value: a list in `cdk.json`, or a comma-separated string from
 * the command line (`cdk synth -c allowedOrigins=http://localhost:8080,https://app.example.com`).
 */
function originsFromContext(value: unknown): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  const origins = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(origins) || origins.some((origin) => typeof origin !== 'string')) {
    throw new Error(
      `The context value allowedOrigins must be a list of origins, got ${JSON.stringify(value)}`,
    );
  }
  return origins.map((origin: string) => origin.trim()).filter((origin) => origin !== '');
}
