import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The exercise checks synthesize chapters with esbuild bundling and drive Chromium: seconds per test.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
