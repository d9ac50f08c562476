import { fileURLToPath } from 'node:url';
import { silentLogger } from '@cors-workshop/gateway';
import { request } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import { serveAssembly } from '../src/serve-assembly.js';
import { synthStack } from '../src/synth-stack.js';
import { TinyStack } from './fixtures/tiny-app/tiny-stack.js';

const projectDir = fileURLToPath(new URL('./fixtures/tiny-app/', import.meta.url));

function synthTinyApp() {
  return synthStack((app) => new TinyStack(app, 'TinyStack', { stackName: 'tiny-stack' }), { projectDir });
}

describe('serveAssembly', () => {
  it('serves an assembly folder and gives the URL of its API', async () => {
    const synth = synthTinyApp();
    const gateway = await serveAssembly({ source: synth.assemblyDir, logger: silentLogger });
    try {
      const response = await request(gateway.url);

      expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/prod\/$/);
      expect(response.statusCode).toBe(200);
      expect(await response.body.text()).toBe('{"tiny":true}');
    } finally {
      await gateway.close();
      synth.dispose();
    }
  });

  it('finds an API by its logical ID, with or without the stack name', async () => {
    const synth = synthTinyApp();
    const gateway = await serveAssembly({ source: synth, logger: silentLogger });
    try {
      const [api] = gateway.apis;

      expect(api?.stack).toBe('tiny-stack');
      expect(gateway.urlOf(api?.logicalId ?? '')).toBe(gateway.url);
      expect(gateway.urlOf(api?.logicalId ?? '', 'tiny-stack')).toBe(gateway.url);
      expect(() => gateway.urlOf('Nope')).toThrow(
        `No API "Nope" is served; the gateway serves: tiny-stack/${api?.logicalId}`,
      );
      expect(() => gateway.urlOf(api?.logicalId ?? '', 'other-stack')).toThrow('in stack "other-stack"');
    } finally {
      await gateway.close();
    }
  });

  it('calls a source function once, then stops listening and disposes of the source on close()', async () => {
    const synth = synthTinyApp();
    const dispose = vi.fn(() => synth.dispose());
    const source = vi.fn(() => ({ assemblyDir: synth.assemblyDir, dispose }));
    const gateway = await serveAssembly({ source, logger: silentLogger });

    await gateway.close();

    expect(source).toHaveBeenCalledTimes(1);
    expect(dispose).toHaveBeenCalledTimes(1);
    await expect(request(gateway.url)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('disposes of the source when the gateway refuses it', async () => {
    const dispose = vi.fn();

    await expect(
      serveAssembly({ source: { assemblyDir: '/nonexistent/cdk.out', dispose }, logger: silentLogger }),
    ).rejects.toThrow('/nonexistent/cdk.out');
    expect(dispose).toHaveBeenCalledTimes(1);
  });
});
