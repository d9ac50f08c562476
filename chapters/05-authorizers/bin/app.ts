/**
 * The CDK app of chapter 05. `cdk synth`, `cdk deploy` and `cdk destroy` run it (see `cdk.json`).
 *
 * Context values, for trying the lesson's mistakes locally (e.g.
 * `cdk synth -c corsOnAuthorizerErrors=false -o cdk.out/broken`): `corsOnAuthorizerErrors`,
 * `corsOnApiKeyErrors` and `openPreflightRoute` (`true` or `false`).
 *
 * @module
 */
import { App } from 'aws-cdk-lib';
import { AuthorizersStack } from '../lib/authorizers-stack.js';

const app = new App();

new AuthorizersStack(app, 'AuthorizersStack', {
  stackName: 'authorizers-stack',
  // Set by the CDK CLI from your AWS profile; without one the stack stays environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  corsOnAuthorizerErrors: booleanFromContext(app, 'corsOnAuthorizerErrors'),
  openPreflightRoute: booleanFromContext(app, 'openPreflightRoute'),
  corsOnApiKeyErrors: booleanFromContext(app, 'corsOnApiKeyErrors'),
});

/**
 * Reads an optional boolean context value: `true`/`false` in `cdk.json`, or the strings `true`/`false`
 * from the command line (`-c corsOnAuthorizerErrors=false`).
 */
function booleanFromContext(scope: App, key: string): boolean | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  throw new Error(`The context value ${key} must be true or false, got ${JSON.stringify(value)}`);
}
