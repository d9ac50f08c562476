import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NOTHING = fileURLToPath(new URL('./corpus/assemblies/nothing-to-serve', import.meta.url));
const SERVED = fileURLToPath(new URL('./corpus/assemblies/spec-rest-asset', import.meta.url));

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
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

describe('cors-gateway serve, for inputs it cannot serve', () => {
  it('exits 2 for an assembly with nothing to serve, saying what it found and printing no ready line', async () => {
    const { code, stdout, stderr } = await run(['serve', NOTHING, '--json', '--port', '0']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'nothing to serve: no AWS::ApiGateway::RestApi and no AWS::ApiGatewayV2::Api was found',
    );
    expect(stderr).toContain('Stacks read: BackgroundJobs (4 resources)');
  });

  it('exits 2 for a malformed --http-endpoint, quoting it', async () => {
    const { code, stderr } = await run(['serve', SERVED, '--port', '0', '--http-endpoint', 'Lb=ftp://x']);
    expect(code).toBe(2);
    expect(stderr).toContain('the HTTP endpoint for "Lb" is "ftp://x"; expected an http(s) URL');
  });
});
