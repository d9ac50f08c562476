import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readStackTemplate,
  SHARED_ASSEMBLY,
  sharedAssembly,
  synthesizeOnce,
} from '../src/shared-assembly.js';

const dir = mkdtempSync(join(tmpdir(), 'shared-assembly-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An assembly folder with the given stacks, each template naming its stack. */
function assembly(name: string, stacks: Record<string, string>): string {
  const folder = join(dir, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const artifacts: Record<string, unknown> = { Tree: { type: 'cdk:tree' } };
  for (const [id, stackName] of Object.entries(stacks)) {
    artifacts[id] = {
      type: 'aws:cloudformation:stack',
      properties: { templateFile: `${id}.template.json`, stackName },
    };
    writeFileSync(join(folder, `${id}.template.json`), JSON.stringify({ Description: stackName }));
  }
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ artifacts }));
  return folder;
}

describe('readStackTemplate', () => {
  it("reads the only stack's template, or the one named by stack name or artifact ID", () => {
    const one = assembly('one', { OneStack: 'one-stack' });
    const two = assembly('two', { A: 'a-stack', B: 'b-stack' });

    expect(readStackTemplate(one)).toEqual({ Description: 'one-stack' });
    expect(readStackTemplate(two, 'b-stack')).toEqual({ Description: 'b-stack' });
    expect(readStackTemplate(two, 'A')).toEqual({ Description: 'a-stack' });
  });

  it('names the stacks when the one asked for is missing, or when it must be asked for', () => {
    const two = assembly('two-again', { A: 'a-stack', B: 'b-stack' });

    expect(() => readStackTemplate(two)).toThrow(
      'A stack name is needed when the assembly has 2 stacks: "a-stack" (A), "b-stack" (B)',
    );
    expect(() => readStackTemplate(two, 'c')).toThrow(
      `No stack "c" in ${two}; its stacks are: "a-stack" (A), "b-stack" (B)`,
    );
  });
});

describe('synthesizeOnce', () => {
  it('provides the folder of one synth to the test files and disposes of it after the run', async () => {
    const provided: Record<string, string> = {};
    let disposed = false;
    const teardown = await synthesizeOnce(
      () =>
        ({
          assemblyDir: '/tmp/x',
          dispose: () => {
            disposed = true;
          },
        }) as never,
    )({
      provide: (key, value) => {
        provided[key] = value;
      },
    });

    expect(provided).toEqual({ [SHARED_ASSEMBLY]: '/tmp/x' });
    expect(disposed).toBe(false);
    teardown();
    expect(disposed).toBe(true);
  });
});

describe('sharedAssembly', () => {
  it('says which global setup is missing when nothing provided an assembly', () => {
    expect(() => sharedAssembly()).toThrow('No shared assembly: the vitest configuration needs globalSetup');
  });
});
