import { fileURLToPath } from 'node:url';
import { silentLogger } from '@cors-workshop/gateway';
import { request } from 'undici';
import { describe, expect, vi } from 'vitest';
import { gatewayTest } from '../src/gateway-test.js';
import { synthStack } from '../src/synth-stack.js';
import { TinyStack } from './fixtures/tiny-app/tiny-stack.js';

const projectDir = fileURLToPath(new URL('./fixtures/tiny-app/', import.meta.url));

const dispose = vi.fn();
const source = vi.fn(() => {
  const synth = synthStack((app) => new TinyStack(app, 'TinyStack'), { projectDir });
  return {
    assemblyDir: synth.assemblyDir,
    dispose: () => {
      dispose();
      synth.dispose();
    },
  };
});

const it = gatewayTest({ source, logger: silentLogger });
const urlsSeen: string[] = [];

describe('gatewayTest', () => {
  it('gives each test the running gateway', async ({ gateway }) => {
    urlsSeen.push(gateway.url);
    const response = await request(gateway.url);

    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toBe('{"tiny":true}');
  });

  it('starts the gateway once per file, so every test sees the same one', async ({ gateway }) => {
    urlsSeen.push(gateway.url);

    expect(source).toHaveBeenCalledTimes(1);
    expect(new Set(urlsSeen).size).toBe(1);
    expect(dispose).not.toHaveBeenCalled();
  });
});
