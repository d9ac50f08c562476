import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiContext } from '../../src/apigw/api-context.js';
import { fixtureAssembly } from '../fixtures/fixture-assembly.js';

let workspace: string;
let assembly: string;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'cors-doctor-workspace-'));
  writeFileSync(join(workspace, 'pnpm-workspace.yaml'), 'packages: []\n');
  mkdirSync(join(workspace, 'chapters', '07-fixture'), { recursive: true });
  assembly = join(workspace, 'chapters', '07-fixture', 'cdk.out');
  cpSync(await fixtureAssembly(), assembly, { recursive: true });
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const locate = (url: string, extra: object = {}) =>
  apiContext({ url: new URL(url), method: 'GET', cwd: workspace, ...extra });

describe('apiContext', () => {
  it('finds the chapter and the API of a pnpm start port: chapter NN from 3000 + NN × 100, one port per API', () => {
    const context = locate('http://127.0.0.1:3702/prod/status');
    expect(context).toMatchObject({
      location: { api: { logicalId: 'OpenHttpApiE17668AD' }, stage: '$default' },
    });
    const rest = locate('http://localhost:3701/prod/');
    expect(rest).toMatchObject({
      location: { api: { logicalId: 'ErrorsRestApi40436026' }, stage: 'prod', path: '/' },
    });
  });

  it('says why it knows nothing of a port no chapter serves', () => {
    expect(locate('http://127.0.0.1:3801/')).toEqual({
      unknown: 'pass --assembly <cdk.out>: no synthesized chapter 08 serves port 3801',
    });
    expect(locate('https://abc.execute-api.us-east-1.amazonaws.com/prod/')).toEqual({
      unknown: 'pass --assembly <cdk.out> to learn which resource sends each header',
    });
  });

  it('refuses to guess between several APIs that fit, and takes the one named', () => {
    const url = 'http://127.0.0.1:41234/prod/';
    expect(locate(url, { assembly })).toEqual({
      unknown: 'several APIs fit /prod/ (ShopRestApiC45F830D, ErrorsRestApi40436026); name one with --api',
    });
    expect(locate(url, { assembly, api: 'ErrorsRestApi40436026' })).toMatchObject({
      location: { how: 'named with --api' },
    });
  });

  it('picks the only API with a resource for the path', () => {
    expect(locate('http://127.0.0.1:41234/prod/items', { assembly })).toMatchObject({
      location: { api: { logicalId: 'ShopRestApiC45F830D' }, path: '/items' },
    });
  });

  it("reads a deployed API's URL from the outputs.json beside the assembly", () => {
    const outputs = join(workspace, 'chapters', '07-fixture', 'outputs.json');
    writeFileSync(
      outputs,
      JSON.stringify({
        DoctorFixture: {
          ErrorsRestApiEndpoint0CEEF0A9: 'https://e1.execute-api.us-east-1.amazonaws.com/prod/',
        },
      }),
    );
    try {
      expect(locate('https://e1.execute-api.us-east-1.amazonaws.com/prod/', { assembly })).toMatchObject({
        location: {
          api: { logicalId: 'ErrorsRestApi40436026' },
          how: 'its URL is a stack output in outputs.json',
        },
      });
    } finally {
      rmSync(outputs);
    }
  });

  it("throws the reader's error for an assembly that is not there", () => {
    expect(() => locate('http://127.0.0.1:1/', { assembly: join(workspace, 'nowhere') })).toThrow(
      /no such file or folder/,
    );
  });
});
