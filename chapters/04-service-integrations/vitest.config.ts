import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The chapter is synthesized once per run, and the test files serve that assembly.
    globalSetup: ['./test/global-setup.ts'],
    // Test files share each worker's loaded modules (aws-cdk-lib, the gateway): they hold no global state.
    isolate: false,
    // The variants of the stack that test files synthesize skip CloudFormation Validate (two seconds of
    // WebAssembly per worker); the shared synth of the global setup, in vitest's own process, runs it as
    // `cdk synth` does, and test/validate.test.ts checks its verdict.
    env: { CDK_VALIDATION: 'false' },
    // Synthesizing and starting the embedded DynamoDB and Kinesis take a few seconds on a slow machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
