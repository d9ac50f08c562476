import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';

/** Finds a function of the stack by its unqualified ARN (a `Map` by ARN, or the gateway's function catalog). */
export interface FunctionLookup {
  get(arn: string): LambdaFunctionDefinition | undefined;
}

const LAMBDA_URI = /^arn:[^:]+:apigateway:[^:]+:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/;
const FUNCTION_ARN = /^(arn:[^:]+:lambda:[^:]+:[^:]+:function:[^:/]+)(?::[^:/]+)?$/;

/**
 * The function a Lambda authorizer's `AuthorizerUri`
 * (`arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations`) invokes, among
 * the functions of the stack that have local Node.js code.
 * @returns the function, or why it cannot be the authorizer's (quoting the bad value)
 */
export function authorizerFunction(
  uri: string,
  functionsByArn: FunctionLookup,
): LambdaFunctionDefinition | { readonly invalid: string } {
  const functionArn = FUNCTION_ARN.exec(LAMBDA_URI.exec(uri)?.[1] ?? '')?.[1];
  if (!functionArn)
    return { invalid: `AuthorizerUri must be a Lambda function invocation URI, got ${JSON.stringify(uri)}` };
  const lambda = functionsByArn.get(functionArn);
  if (!lambda) {
    return {
      invalid: `the authorizer invokes ${functionArn}, which is not a function with local code in this stack`,
    };
  }
  if (!lambda.runtime.startsWith('nodejs')) {
    return {
      invalid: `runtime "${lambda.runtime}" of ${lambda.logicalId} cannot run locally; only nodejs runtimes can`,
    };
  }
  return lambda;
}
