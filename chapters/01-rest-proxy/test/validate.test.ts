// The chapter's synth passes CloudFormation Validate, which `cdk synth` runs (cdk.json turns its errors into
// synth failures): the global setup validates it in a child process while the other test files run.
import { sharedValidation } from '@cors-workshop/testing';
import { expect, it } from 'vitest';

it('passes CloudFormation Validate, as cdk synth runs it on the chapter', async () => {
  expect(await sharedValidation()).toEqual({ passed: true });
});
