import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The differential suite launches Chromium and synthesizes a CDK app: seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
