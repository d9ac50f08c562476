import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Synthesizing and starting the embedded DynamoDB and Kinesis take a few seconds on a slow machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
