import { type FunctionsByArn, functionLookup } from '../assembly/function-catalog.js';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';
import type { RestStage } from './rest-api-model.js';

const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g;

/** The functions a Lambda integration invokes: one, or one per stage when its ARN names a stage variable. */
export type LambdaTarget =
  | { readonly kind: 'fixed'; readonly fn: LambdaFunctionDefinition }
  | {
      readonly kind: 'per-stage';
      /** The function of each stage whose variables name one; a stage missing here answers 500. */
      readonly byStage: ReadonlyMap<string, LambdaFunctionDefinition>;
    }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Finds the local function a Lambda integration's function ARN names. An ARN holding
 * `${stageVariables.name}` (e.g. `arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}`) is
 * resolved for every stage against that stage's variables, as API Gateway does at request time (recorded
 * on AWS by the LocalStack test `test_apigateway_basic.py::TestAPIGateway::test_apigw_stage_variables`).
 * A function is found by its ARN, or by its name when the ARN's account or region are not the local ones;
 * a version or alias qualifier is ignored.
 */
export function resolveLambdaTarget(
  arn: string,
  stages: ReadonlyMap<string, RestStage>,
  functions: FunctionsByArn | Iterable<LambdaFunctionDefinition>,
): LambdaTarget {
  const all = functionLookup(functions);
  if (!arn.includes('${stageVariables.')) {
    const fn = findFunction(arn, all);
    return fn
      ? { kind: 'fixed', fn }
      : {
          kind: 'unknown',
          reason: `the integration invokes ${arn}, which is not a function with local code in this stack`,
        };
  }
  const byStage = new Map<string, LambdaFunctionDefinition>();
  for (const stage of stages.values()) {
    let missing = false;
    const resolved = arn.replace(STAGE_VARIABLE, (_whole, name: string) => {
      const value = stage.variables?.[name];
      if (value === undefined) missing = true;
      return value ?? '';
    });
    if (missing) continue;
    const fn = findFunction(resolved, all);
    if (!fn) {
      return {
        kind: 'unknown',
        reason: `the integration invokes ${arn}, which stage "${stage.name}" resolves to ${resolved}, not a function with local code in this stack`,
      };
    }
    byStage.set(stage.name, fn);
  }
  if (byStage.size === 0) {
    return {
      kind: 'unknown',
      reason: `the integration invokes ${arn}, but no stage defines the stage variables it names`,
    };
  }
  return { kind: 'per-stage', byStage };
}

function findFunction(arn: string, functions: FunctionsByArn): LambdaFunctionDefinition | undefined {
  const unqualified = arn.replace(/^(arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+):.+$/, '$1');
  const byArn = functions.get(unqualified);
  if (byArn) return byArn;
  const name = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)$/.exec(unqualified)?.[1] ?? unqualified;
  return functions.named(name);
}
