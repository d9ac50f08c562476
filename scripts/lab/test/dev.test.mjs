import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureWorkshop } from './support/fixture-workshop.mjs';

const DEV = fileURLToPath(new URL('../../dev.mjs', import.meta.url));

let fixture;
let holder;
let port;
beforeAll(async () => {
  fixture = await fixtureWorkshop({ synthesize: [] });
  // Something else holds the chapter's port, as pnpm start or another dev would.
  holder = createServer();
  await new Promise((resolve) => holder.listen(0, '127.0.0.1', resolve));
  port = holder.address().port;
});
afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
  fixture?.remove();
});

/** The processes of this machine whose environment holds `marker`: dev and anything it started (Linux). */
function processesMarked(marker) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    });
}

describe.skipIf(process.platform !== 'linux')('pnpm run dev on a taken port', () => {
  it('refuses in one sentence, exits 1 and leaves no process behind', async () => {
    const marker = `LAB_DEV_TEST=${process.pid}-${Date.now()}`;
    const dev = spawn(process.execPath, [DEV], {
      cwd: fixture.dir('01-fixture'),
      env: { ...process.env, PORT: String(port), LAB_DEV_TEST: marker.split('=')[1] },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    dev.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(dev, 'exit');

    expect(code).toBe(1);
    expect(stderr).toBe(
      `Port ${port}, where dev serves 01-fixture, is taken by another program: stop it, or pick another port with PORT=${port + 99} pnpm run dev.\n`,
    );
    expect(processesMarked(marker)).toEqual([]);
  });
});
