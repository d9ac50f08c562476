import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    // The fixture chapters, synthesized by the synth service these tests start (it inherits this
    // environment), skip CloudFormation Validate: none of the tests is about it.
    env: { CDK_VALIDATION: 'false' },
    // The lab's tests synthesize small CDK apps and drive a real Chromium: seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
