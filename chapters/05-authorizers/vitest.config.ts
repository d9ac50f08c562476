import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Synthesizing with bundling runs esbuild for each function before the first request.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The local issuer's key of the tests is their own, never the one `cors-gateway token` uses on this machine.
    setupFiles: ['./test/isolate-issuer-key.ts'],
  },
});
