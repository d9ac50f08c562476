import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The chapter is synthesized once per run, and the test files serve that assembly.
    globalSetup: ['./test/global-setup.ts'],
    // Test files share each worker's loaded modules (aws-cdk-lib, the gateway): they hold no global state.
    isolate: false,
    // Two workers, though the machine may have only two cores: the file with Chromium waits on timeouts and
    // the browser (CPU to spare) while the other worker runs the rest.
    maxWorkers: 2,
    // The variants of the stack that test files synthesize skip CloudFormation Validate (two seconds of
    // WebAssembly per worker); the shared synth of the global setup, in vitest's own process, runs it as
    // `cdk synth` does, and test/validate.test.ts checks its verdict.
    env: { CDK_VALIDATION: 'false' },
    // Synthesizing with bundling runs esbuild for each function before the first request.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
