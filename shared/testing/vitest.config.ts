import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Test files share each worker's loaded modules (aws-cdk-lib above all): they hold no global state.
    isolate: false,
    // The tiny apps the tests synthesize skip CloudFormation Validate, two seconds of WebAssembly per
    // worker that none of these tests is about.
    env: { CDK_VALIDATION: 'false' },
    // Some tests synthesize a CDK app in process, with esbuild bundling: seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
