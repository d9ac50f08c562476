import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { restApiTemplate } from './support/rest-template.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'cli-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A CDK app folder whose cdk.out serves a MOCK API; its handler is dated `handlerAge` ms after the synth. */
function appWithAssembly(name: string, handlerAfterSynthMs: number): string {
  const app = join(root, name);
  const out = join(app, 'cdk.out');
  mkdirSync(join(app, 'handlers'), { recursive: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(app, 'cdk.json'), '{}');
  const template = restApiTemplate({
    methods: [
      {
        path: '/',
        httpMethod: 'GET',
        integration: {
          Type: 'MOCK',
          RequestTemplates: { 'application/json': '{"statusCode": 200}' },
          IntegrationResponses: [{ StatusCode: '200' }],
        },
        methodResponses: [{ StatusCode: '200' }],
      },
    ],
    extraResources: {},
  });
  writeFileSync(join(out, 'Stack.template.json'), JSON.stringify(template));
  writeFileSync(
    join(out, 'manifest.json'),
    JSON.stringify({
      artifacts: {
        Stack: {
          type: 'aws:cloudformation:stack',
          properties: { templateFile: 'Stack.template.json', stackName: 'stack' },
        },
      },
    }),
  );
  const synthesizedAt = new Date('2026-01-01T10:00:00Z');
  const handlerAt = new Date(synthesizedAt.getTime() + handlerAfterSynthMs);
  writeFileSync(join(app, 'handlers', 'fn.ts'), '');
  utimesSync(join(app, 'cdk.json'), synthesizedAt, synthesizedAt);
  utimesSync(join(app, 'handlers', 'fn.ts'), handlerAt, handlerAt);
  utimesSync(join(out, 'manifest.json'), synthesizedAt, synthesizedAt);
  return out;
}

/** Serves `source` until the gateway is ready, stops it, and returns what it wrote on standard error. */
async function serveOnce(source: string): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'serve', source, '--json', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  await once(child.stdout, 'data');
  child.kill('SIGTERM');
  await once(child, 'exit');
  return stderr;
}

describe('cors-gateway serve on an assembly older than its app', () => {
  it('warns that it serves the app as it was, naming the newer source', async () => {
    const stderr = await serveOnce(appWithAssembly('01-stale', 90_000));

    expect(stderr).toContain(
      `cors-gateway: warning: ${join(root, '01-stale', 'cdk.out')} is older than ${join('handlers', 'fn.ts')} (changed 2 min after the synth)`,
    );
  });

  it('says nothing when the assembly is newer than every source', async () => {
    expect(await serveOnce(appWithAssembly('02-fresh', -90_000))).not.toContain('warning');
  });
});
