import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.method === 'OPTIONS') {
      response
        .writeHead(204, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Headers': 'content-type',
        })
        .end();
      return;
    }
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'X-Request-Id': 'r1' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function doctor(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stdout, stderr };
}

describe('cors-doctor', () => {
  it('exits 0 for an allowed call and prints the verdict, the explanation and the exchange', async () => {
    const { code, stdout } = await doctor(`${base}/items`, '--origin', 'http://localhost:5173');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ALLOWED: No preflight was needed/);
    expect(stdout).toContain("$ curl -i -H 'Accept: */*' -H 'Origin: http://localhost:5173'");
    expect(stdout).toContain('HTTP/1.1 200 OK');
  });

  it('exits 1 for a blocked call and prints JSON with exactly verdict, step, reason, explanation and exchanges', async () => {
    const { code, stdout } = await doctor(
      `${base}/items`,
      '--origin',
      'http://localhost:5173',
      '--method',
      'PUT',
      '--body-type',
      'application/json',
      '--json',
    );
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['verdict', 'step', 'reason', 'explanation', 'exchanges']);
    expect(json).toMatchObject({
      verdict: 'blocked',
      step: 'preflight',
      reason: 'Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.',
    });
    expect(json.exchanges[0].request.headers).toContainEqual([
      'Access-Control-Request-Headers',
      'content-type',
    ]);
  });

  it('blocks at read-header when a header asked for is not exposed', async () => {
    const { code, stdout } = await doctor(
      `${base}/`,
      '--origin',
      'http://localhost:5173',
      '--read-header',
      'X-Request-Id',
      '--json',
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'blocked', step: 'read-header' });
  });

  it('exits 2 with the usage for a bad command line', async () => {
    const missing = await doctor(`${base}/`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--origin is required');
    expect(missing.stderr).toContain('usage: cors-doctor');
    const origin = await doctor(`${base}/`, '--origin', 'http://localhost:5173/page');
    expect([origin.code, origin.stderr]).toEqual([
      2,
      expect.stringContaining('did you mean http://localhost:5173?'),
    ]);
    const credentials = await doctor(`${base}/`, '--origin', 'http://a.example', '--credentials', 'always');
    expect(credentials.stderr).toContain('--credentials must be include, same-origin or omit, got "always"');
  });

  it("exits 2 when fetch() itself would throw, quoting Chromium's TypeError", async () => {
    const { code, stderr } = await doctor(
      `${base}/`,
      '--origin',
      'http://localhost:5173',
      '--method',
      'TRACE',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      "TypeError: Failed to execute 'fetch' on 'Window': 'TRACE' HTTP method is unsupported.",
    );
  });

  it('exits 2 when the server cannot be reached', async () => {
    const { code, stderr } = await doctor('http://127.0.0.1:9/', '--origin', 'http://localhost:5173');
    expect(code).toBe(2);
    expect(stderr).toContain('GET http://127.0.0.1:9/ got no response');
  });
});
