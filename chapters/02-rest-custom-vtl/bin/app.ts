/**
 * The CDK app of chapter 02. `cdk synth`, `cdk deploy` and `cdk destroy` run it (see `cdk.json`).
 *
 * Context values, for trying the lesson's mistakes locally (e.g.
 * `cdk synth -c declareMethodResponseHeader=false -o cdk.out.broken`): `declareMethodResponseHeader`,
 * `corsOnMappedErrors`, `corsOnGatewayErrors` (`true` or `false`), and `allowedOrigins` (a list, or
 * comma-separated).
 *
 * @module
 */
import { App } from 'aws-cdk-lib';
import { CustomCorsRestapiStack } from '../lib/custom-cors-restapi-stack.js';

const app = new App();

new CustomCorsRestapiStack(app, 'CustomCorsRestapiStack', {
  stackName: 'custom-cors-restapi-stack',
  // Set by the CDK CLI from your AWS profile; without one the stack stays environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  declareMethodResponseHeader: booleanFromContext(app, 'declareMethodResponseHeader'),
  corsOnMappedErrors: booleanFromContext(app, 'corsOnMappedErrors'),
  corsOnGatewayErrors: booleanFromContext(app, 'corsOnGatewayErrors'),
  allowedOrigins: originsFromContext(app.node.tryGetContext('allowedOrigins')),
});

/**
 * Reads an optional boolean context value: `true`/`false` in `cdk.json`, or the strings `true`/`false`
 * from the command line (`-c corsOnGatewayErrors=false`).
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
