import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { restApiTemplate, writeTemplate } from '../support/rest-template.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

const template = writeTemplate(
  restApiTemplate({
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
  }),
);

/** Runs the CLI until it exits (it exits at once on a bad endpoint) and returns its code and standard error. */
async function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', template, '--port', '0', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code: code as number, stderr };
}

describe('cors-gateway serve --endpoint', () => {
  it('exits 2 on a value without a service', async () => {
    const { code, stderr } = await serve(['--endpoint', 'http://127.0.0.1:8000']);

    expect(code).toBe(2);
    expect(stderr).toContain('--endpoint takes <service>=<embedded|aws|URL>');
  });

  it('exits 2 when a real region is asked for without credentials', async () => {
    const { code, stderr } = await serve(['--endpoint', 'dynamodb=aws']);

    expect(code).toBe(2);
    expect(stderr).toContain('which needs AWS credentials');
  });

  it('exits 2 on a malformed AWS_ENDPOINT_URL_KINESIS, naming the variable', async () => {
    const { code, stderr } = await serve([], { AWS_ENDPOINT_URL_KINESIS: 'nope' });

    expect(code).toBe(2);
    expect(stderr).toContain('AWS_ENDPOINT_URL_KINESIS is "nope"');
  });
});
