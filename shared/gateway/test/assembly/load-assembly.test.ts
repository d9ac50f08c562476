import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssembly } from '../../src/assembly/load-assembly.js';
import { GatewayConfigError } from '../../src/errors.js';

function assembly(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'assembly-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const manifest = JSON.stringify({
  artifacts: {
    'Stack.assets': { type: 'cdk:asset-manifest', properties: { file: 'Stack.assets.json' } },
    Stack: {
      type: 'aws:cloudformation:stack',
      properties: { templateFile: 'Stack.template.json', stackName: 'my-stack' },
      dependencies: ['Stack.assets'],
    },
  },
});

describe('loadAssembly', () => {
  it('reads the stacks of a cloud assembly and maps asset object keys to folders', () => {
    const dir = assembly({
      'manifest.json': manifest,
      'Stack.template.json': '{"Resources":{}}',
      'Stack.assets.json': JSON.stringify({
        files: { abc: { source: { path: 'asset.abc' }, destinations: { d: { objectKey: 'abc.zip' } } } },
      }),
    });
    const [stack] = loadAssembly(dir);
    expect(stack?.stackName).toBe('my-stack');
    expect(stack?.artifactId).toBe('Stack');
    expect(stack?.assets.get('abc.zip')).toBe(join(dir, 'asset.abc'));
  });

  it('refuses a missing folder, naming it and saying to synthesize', () => {
    const missing = join(tmpdir(), 'no-such-cdk-out');
    expect(() => loadAssembly(missing)).toThrow(GatewayConfigError);
    expect(() => loadAssembly(missing)).toThrow(
      `${missing}: no such file or folder; synthesize the app first (cdk synth)`,
    );
  });

  it('refuses a folder without a manifest, naming the manifest', () => {
    const dir = assembly({ 'other.txt': '' });
    expect(() => loadAssembly(dir)).toThrow(
      `${join(dir, 'manifest.json')}: cannot read a cloud assembly manifest: ENOENT`,
    );
  });

  it('refuses a template that is not JSON, naming it and quoting the parser', () => {
    const dir = assembly({
      'manifest.json': manifest,
      'Stack.template.json': '{"Resources": ',
      'Stack.assets.json': '{}',
    });
    expect(() => loadAssembly(dir)).toThrow(
      /Stack\.template\.json: a CloudFormation template is not valid JSON: /,
    );
  });

  it('refuses a resource without a Type, naming the resource', () => {
    const dir = assembly({
      'manifest.json': manifest,
      'Stack.template.json': '{"Resources":{"Thing":{}}}',
      'Stack.assets.json': '{}',
    });
    expect(() => loadAssembly(dir)).toThrow('Stack.template.json (Thing): a resource needs a "Type" string');
  });

  it('refuses an unknown --stack, listing the stacks there are', () => {
    const dir = assembly({
      'manifest.json': manifest,
      'Stack.template.json': '{}',
      'Stack.assets.json': '{}',
    });
    expect(() => loadAssembly(dir, 'Other')).toThrow('no stack named "Other" (stacks: Stack)');
  });
});
