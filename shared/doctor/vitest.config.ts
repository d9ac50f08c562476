import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Test files share each worker's loaded modules (the gateway, aws-cdk-lib): they hold no global state.
    isolate: false,
    // The differential suite launches Chromium and synthesizes a CDK app: seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
