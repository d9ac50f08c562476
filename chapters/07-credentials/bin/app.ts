/**
 * The CDK app of chapter 07. `cdk synth`, `cdk deploy` and `cdk destroy` run it (see `cdk.json`).
 *
 * `cdk synth -c credentialsForAnyOrigin=true` builds the HTTP API with credentials for every origin, to see
 * CDK refuse it.
 *
 * @module
 */
import { App } from 'aws-cdk-lib';
import { contextFlag } from '../lib/context-flag.js';
import { CredentialsCorsStack } from '../lib/credentials-cors-stack.js';

const app = new App();

new CredentialsCorsStack(app, 'CredentialsCorsStack', {
  stackName: 'credentials-cors-stack',
  // Set by the CDK CLI from your AWS profile; without one the stack stays environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  credentialsForAnyOrigin: contextFlag(app.node, 'credentialsForAnyOrigin'),
});
