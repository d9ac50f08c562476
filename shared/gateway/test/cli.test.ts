import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { restApiTemplate, writeTemplate } from './support/rest-template.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function run(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    err += chunk;
  });
  return { child, stdout: () => out, stderr: () => err };
}

async function exitCode(child: ChildProcess): Promise<number | null> {
  const [code] = await once(child, 'exit');
  return code as number | null;
}

async function readyLine(child: ChildProcess, stdout: () => string): Promise<any> {
  while (!stdout().includes('\n')) await once(child.stdout!, 'data');
  return JSON.parse(stdout().split('\n')[0]!);
}

const mockTemplate = restApiTemplate({
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

describe('cors-gateway serve', () => {
  it('exits 2 naming the folder when the cloud assembly is missing', async () => {
    const missing = join(tmpdir(), 'missing-cdk-out');
    const { child, stderr } = run(['serve', missing]);
    expect(await exitCode(child)).toBe(2);
    expect(stderr()).toContain(missing);
    expect(stderr()).toContain('synthesize the app first');
  });

  it('exits 2 naming the file when the template is malformed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bad-')), 'x.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '{ not json');
    const { child, stderr } = run(['serve', file]);
    expect(await exitCode(child)).toBe(2);
    expect(stderr()).toContain(`${file}: a CloudFormation template is not valid JSON`);
  });

  it('exits 2 with the usage on an unknown option', async () => {
    const { child, stderr } = run(['serve', 'cdk.out', '--bogus']);
    expect(await exitCode(child)).toBe(2);
    expect(stderr()).toContain('usage: cors-gateway serve');
  });

  it('prints one JSON ready line, serves, writes outputs and exits 0 on SIGTERM', async () => {
    const outputs = join(mkdtempSync(join(tmpdir(), 'outputs-')), 'outputs.json');
    const template = writeTemplate({
      ...mockTemplate,
      Outputs: {
        Endpoint: {
          Value: {
            'Fn::Join': [
              '',
              [
                'https://',
                { Ref: 'Api' },
                '.execute-api.',
                { Ref: 'AWS::Region' },
                '.',
                { Ref: 'AWS::URLSuffix' },
                '/',
                { Ref: 'ApiStageProd' },
                '/',
              ],
            ],
          },
        },
      },
    });
    const { child, stdout } = run(['serve', template, '--json', '--port', '0', '--outputs-file', outputs]);
    const ready = await readyLine(child, stdout);
    expect(ready).toMatchObject({
      ready: true,
      apis: [{ stack: 'Test', logicalId: 'Api', kind: 'REST', stage: 'prod' }],
    });
    const url: string = ready.apis[0].url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/prod\/$/);
    expect((await request(url)).statusCode).toBe(200);
    expect(JSON.parse(readFileSync(outputs, 'utf8'))).toEqual({ Test: { Endpoint: url } });
    child.kill('SIGTERM');
    expect(await exitCode(child)).toBe(0);
    expect(stdout().trim().split('\n')).toHaveLength(1);
  });
});
