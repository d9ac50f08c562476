import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The exercise checks synthesize chapters with esbuild bundling and drive Chromium: seconds per test.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each heavy file runs a synth process, gateways and a Chromium: one at a time, so that this package
    // takes one core of a two-core machine and leaves the other to the packages turbo runs next to it.
    fileParallelism: false,
  },
});
