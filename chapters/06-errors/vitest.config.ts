import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The chapter and the variant of its stack the tests serve are synthesized once per run, and the test
    // files serve those assemblies.
    globalSetup: ['./test/global-setup.ts'],
    // Test files share each worker's loaded modules (aws-cdk-lib, the gateway): they hold no global state.
    isolate: false,
    // Two workers, though the machine may have only two cores: the file with Chromium waits on timeouts and
    // the browser (CPU to spare) while the other worker runs the rest.
    maxWorkers: 2,
    // The stack tests' own synths skip CloudFormation Validate (two seconds of WebAssembly per worker); the
    // shared synth of the global setup, in vitest's own process, runs it as `cdk synth` does, and
    // test/validate.test.ts checks its verdict.
    env: { CDK_VALIDATION: 'false' },
    // Starting Chromium and the gateways' functions takes a few seconds on a slow machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
