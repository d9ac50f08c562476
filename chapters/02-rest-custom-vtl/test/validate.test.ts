// The chapter's synth passes CloudFormation Validate, which `cdk synth` runs after the app (cdk.json turns
// its errors into synth failures): the global setup's synth runs it, and hands over the verdict.
import { sharedValidation } from '@cors-workshop/testing';
import { expect, it } from 'vitest';

it('passes CloudFormation Validate, as cdk synth runs it on the chapter', () => {
  expect(sharedValidation()).toEqual({ passed: true });
});
