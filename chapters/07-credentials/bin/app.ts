/**
 * The CDK app of chapter 07. `cdk synth`, `cdk deploy` and `cdk destroy` run it (see `cdk.json`).
 *
 * `cdk synth -c credentialsForAnyOrigin=true` builds the HTTP API with credentials for every origin, to see
 * CDK refuse it.
 *
 * @module
 */
import { App } from 'aws-cdk-lib';
import { CredentialsCorsStack } from '../lib/credentials-cors-stack.js';

const app = new App();

new CredentialsCorsStack(app, 'CredentialsCorsStack', {
  stackName: 'credentials-cors-stack',
  // Set by the CDK CLI from your AWS profile; without one the stack stays environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  credentialsForAnyOrigin: flagFromContext(app.node.tryGetContext('credentialsForAnyOrigin')),
});

/** Reads a true/false context value, given in `cdk.json` or as `-c name=true` on the command line. */
function flagFromContext(value: unknown): boolean {
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new Error(
    `The context value credentialsForAnyOrigin must be true or false, got ${JSON.stringify(value)}`,
  );
}
