/**
 * The CDK app of chapter 03. `cdk synth`, `cdk deploy` and `cdk destroy` run it (see `cdk.json`).
 *
 * @module
 */
import { App } from 'aws-cdk-lib';
import { ProxyCorsHttpapiStack } from '../lib/proxy-cors-httpapi-stack.js';

const app = new App();

new ProxyCorsHttpapiStack(app, 'ProxyCorsHttpapiStack', {
  stackName: 'proxy-cors-httpapi-stack',
  // Set by the CDK CLI from your AWS profile; without one the stack stays environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  listedOrigins: originsFromContext(app.node.tryGetContext('listedOrigins')),
});

/**
 * Reads the optional `listedOrigins` context value: a list in `cdk.json`, or a comma-separated string from
 * the command line (`cdk synth -c listedOrigins=http://localhost:8080,https://app.example.com`).
 */
function originsFromContext(value: unknown): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  const origins = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(origins) || origins.some((origin) => typeof origin !== 'string')) {
    throw new Error(
      `The context value listedOrigins must be a list of origins, got ${JSON.stringify(value)}`,
    );
  }
  return origins.map((origin: string) => origin.trim()).filter((origin) => origin !== '');
}
