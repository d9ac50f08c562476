import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { TASK_ROOTS_BASE } from '../src/lambda/task-roots.js';
import { startGateway } from '../src/start-gateway.js';
import { lambdaProxyIntegration, restApiTemplate, writeTemplate } from './support/rest-template.js';
import { recordingLogger } from './support/serve.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** A REST API whose function logs `started`, then answers after `?ms=` milliseconds. */
const template = writeTemplate(
  restApiTemplate({
    functions: {
      Slow: {
        code: `exports.handler = async (event) => {
          console.log('started');
          await new Promise((r) => setTimeout(r, Number(event.queryStringParameters?.ms ?? 0)));
          return { statusCode: 200, body: 'finished' };
        };`,
        timeout: 20,
      },
    },
    methods: [{ path: '/', httpMethod: 'GET', integration: lambdaProxyIntegration('Slow') }],
  }),
);

async function serve(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, 'serve', template, '--json', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  while (!stdout.includes('\n')) await once(child.stdout!, 'data');
  const url: string = JSON.parse(stdout.split('\n')[0]!).apis[0].url;
  const logged = async (text: string) => {
    while (!stderr.includes(text)) await once(child.stderr!, 'data');
  };
  return { child, url, logged };
}

function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return once(child, 'exit').then(([code]) => code as number | null);
}

function taskRootsOf(pid: number): string[] {
  try {
    return readdirSync(TASK_ROOTS_BASE).filter((entry) => entry.startsWith(`${pid}-`));
  } catch {
    return [];
  }
}

describe('cors-gateway on SIGTERM', () => {
  it('lets a request in flight finish, accepts no new connection, removes its task roots and exits 0', async () => {
    const { child, url, logged } = await serve();
    const inFlight = request(`${url}?ms=800`);
    await logged('started');
    expect(taskRootsOf(child.pid!)).toHaveLength(1);
    child.kill('SIGTERM');
    await logged('stopping');
    await expect(request(url)).rejects.toThrow();
    const response = await inFlight;
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toBe('finished');
    expect(await exitCode(child)).toBe(0);
    expect(taskRootsOf(child.pid!)).toEqual([]);
  });

  it('answers 503 to a request still running when the grace period ends, and exits 0', async () => {
    const { child, url, logged } = await serve({ CORS_GATEWAY_SHUTDOWN_GRACE_MS: '300' });
    const inFlight = request(`${url}?ms=10000`);
    await logged('started');
    child.kill('SIGINT');
    const response = await inFlight;
    expect(response.statusCode).toBe(503);
    expect(await response.body.text()).toBe('{"message":"Service Unavailable"}');
    expect(await exitCode(child)).toBe(0);
  });
});

describe('copies of function code left by a gateway that was killed', () => {
  it('are removed when the next gateway starts', async () => {
    const { child, url, logged } = await serve();
    await (await request(url)).body.dump();
    await logged('started');
    const leftovers = taskRootsOf(child.pid!);
    expect(leftovers).toHaveLength(1);
    child.kill('SIGKILL');
    await exitCode(child);
    expect(taskRootsOf(child.pid!)).toEqual(leftovers);
    const next = await startGateway({ source: template, port: 0, logger: recordingLogger() });
    await next.close();
    expect(taskRootsOf(child.pid!)).toEqual([]);
  });
});
