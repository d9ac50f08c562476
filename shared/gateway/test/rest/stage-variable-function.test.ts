import { describe, expect, it } from 'vitest';
import type { LambdaFunctionDefinition } from '../../src/lambda/lambda-function.js';
import type { RestStage } from '../../src/rest/rest-api-model.js';
import { resolveLambdaTarget } from '../../src/rest/stage-variable-function.js';

const fn = (functionName: string) =>
  ({
    functionName,
    logicalId: functionName,
    arn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
  }) as LambdaFunctionDefinition;
const stage = (name: string, variables: Record<string, string> | null): RestStage => ({
  name,
  variables,
  deploymentId: 'd',
  throttling: { defaults: undefined, methods: new Map() },
});
const stages = (...list: RestStage[]) => new Map(list.map((s) => [s.name, s]));
const FUNCTIONS = [fn('a'), fn('b')];
// biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax
const BY_VARIABLE = 'arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}';

describe('resolveLambdaTarget', () => {
  it('finds a fixed function by ARN, ignoring a qualifier, or by name in an ARN of another account', () => {
    expect(resolveLambdaTarget(`${fn('a').arn}:live`, stages(), FUNCTIONS)).toEqual({
      kind: 'fixed',
      fn: FUNCTIONS[0],
    });
    expect(
      resolveLambdaTarget('arn:aws:lambda:eu-west-1:999999999999:function:b', stages(), FUNCTIONS),
    ).toEqual({
      kind: 'fixed',
      fn: FUNCTIONS[1],
    });
  });

  it('resolves a stage variable in the ARN for each stage that defines it', () => {
    const target = resolveLambdaTarget(
      BY_VARIABLE,
      stages(stage('dev', { fn: 'a' }), stage('prod', { fn: 'b' }), stage('x', null)),
      FUNCTIONS,
    );
    expect(target.kind).toBe('per-stage');
    if (target.kind === 'per-stage') {
      expect([...target.byStage].map(([s, f]) => [s, f.functionName])).toEqual([
        ['dev', 'a'],
        ['prod', 'b'],
      ]);
    }
  });

  it('names the stage whose variable names a function the assembly does not hold', () => {
    const target = resolveLambdaTarget(BY_VARIABLE, stages(stage('dev', { fn: 'nope' })), FUNCTIONS);
    expect(target).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('stage "dev" resolves to'),
    });
  });

  it('says so when no stage defines the variable', () => {
    expect(resolveLambdaTarget(BY_VARIABLE, stages(stage('dev', null)), FUNCTIONS)).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('no stage defines'),
    });
  });
});
