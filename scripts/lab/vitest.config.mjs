import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    // The lab's tests synthesize small CDK apps and drive a real Chromium: seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
