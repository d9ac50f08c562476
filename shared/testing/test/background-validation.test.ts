import { describe, expect, it } from 'vitest';
import { startBackgroundValidation } from '../src/background-validation.js';
import { awaitVerdict } from '../src/validation-verdict.js';

const fixture = new URL('./fixtures/validation-app/synths.ts', import.meta.url);

/** Runs the fixture's synth named `name` in the background and waits for its verdict. */
async function verdictOf(name: string) {
  const validation = startBackgroundValidation({ module: fixture, export: name });
  try {
    return await awaitVerdict(validation.verdictFile);
  } finally {
    validation.stop();
  }
}

describe.concurrent('startBackgroundValidation', () => {
  it('passes a synth whose template CloudFormation Validate accepts', async () => {
    expect(await verdictOf('passing')).toEqual({ passed: true });
  });

  it('fails a synth with a schema violation, naming the rule and the construct', async () => {
    // This package's vitest configuration sets CDK_VALIDATION=false, as the chapters' test workers do: the
    // child validates whatever it says here.
    expect(process.env.CDK_VALIDATION).toBe('false');
    const verdict = await verdictOf('failing');
    expect(verdict.passed).toBe(false);
    expect(verdict.passed ? '' : verdict.report).toContain(
      "CloudFormation Validate F3002 (error): NoSuchProperty: Additional properties are not allowed ('NoSuchProperty' was unexpected) at Failing/Queue",
    );
  });

  it('fails, quoting the module, when the module exports no such synth', async () => {
    const verdict = await verdictOf('missing');
    expect(verdict.passed ? '' : verdict.report).toContain('exports no function named "missing"');
  });
});
