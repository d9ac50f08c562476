/**
 * A vitest `test` whose tests receive a local gateway serving an assembly, started once per test file.
 *
 * @module
 */
import { type TestAPI, test } from 'vitest';
import { type ServeAssemblyOptions, type ServedGateway, serveAssembly } from './serve-assembly.js';

/** The fixtures {@link gatewayTest} adds to every test's context. */
export interface GatewayFixtures {
  /** The running local gateway: the served APIs and their invoke URLs. */
  readonly gateway: ServedGateway;
}

/**
 * Returns a vitest `test` with a file-scoped `gateway` fixture: the first test of the file that asks for
 * `gateway` starts the local gateway on `options.source` (calling it first when it is a function, e.g. to
 * synthesize with bundling); the gateway is closed, and the source disposed of, after the file's last test.
 *
 * @param options - the source to serve and the gateway's options (a free port unless `port` is given)
 * @example
 * ```ts
 * const it = gatewayTest({
 *   source: () => synthStack(buildApp, { projectDir, bundling: true }),
 * });
 *
 * it('answers the preflight with 204', async ({ gateway }) => {
 *   const response = await request(gateway.url, { method: 'OPTIONS' });
 *   expect(response.statusCode).toBe(204);
 * });
 * ```
 * @see https://vitest.dev/guide/test-context#fixture-scope
 */
export function gatewayTest(options: ServeAssemblyOptions): TestAPI<GatewayFixtures> {
  return test.extend<GatewayFixtures>({
    gateway: [
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern.
      async ({}, use) => {
        const gateway = await serveAssembly(options);
        try {
          await use(gateway);
        } finally {
          await gateway.close();
        }
      },
      { scope: 'file' },
    ],
  });
}
