import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Test files share each worker's loaded modules: reloading the gateway for every file cost more than
    // the tests themselves. A file that needs its own process state (the issuer's key folder) sets it first.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
