import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One stack of a test assembly: its template, and the files its asset manifest lists by object key. */
export interface TestStack {
  readonly template: unknown;
  /** Object key (e.g. `abc.json`) → the file's path in the assembly and its text. */
  readonly assets?: Record<string, { readonly path: string; readonly text: string }>;
}

/**
 * Writes a cloud assembly folder in the shape `cdk synth` writes: `manifest.json`, one template and one
 * asset manifest per stack, and the asset files. Returns the folder.
 */
export function writeAssembly(stacks: Record<string, TestStack>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-assembly-'));
  const artifacts: Record<string, unknown> = {};
  for (const [name, stack] of Object.entries(stacks)) {
    const files: Record<string, unknown> = {};
    for (const [objectKey, asset] of Object.entries(stack.assets ?? {})) {
      mkdirSync(join(dir, asset.path, '..'), { recursive: true });
      writeFileSync(join(dir, asset.path), asset.text);
      files[objectKey.replace(/\.[a-z]+$/, '')] = {
        source: { path: asset.path, packaging: 'file' },
        destinations: { d: { bucketName: 'bucket', objectKey } },
      };
    }
    writeFileSync(join(dir, `${name}.assets.json`), JSON.stringify({ files }));
    writeFileSync(join(dir, `${name}.template.json`), JSON.stringify(stack.template));
    artifacts[`${name}.assets`] = { type: 'cdk:asset-manifest', properties: { file: `${name}.assets.json` } };
    artifacts[name] = {
      type: 'aws:cloudformation:stack',
      properties: { templateFile: `${name}.template.json`, stackName: name },
      dependencies: [`${name}.assets`],
    };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts }));
  return dir;
}
