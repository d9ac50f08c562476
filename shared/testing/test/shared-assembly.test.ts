import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readStackTemplate,
  SHARED_ASSEMBLY,
  SHARED_VALIDATION,
  SHARED_VARIANTS,
  sharedAssembly,
  sharedVariant,
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

    expect(provided[SHARED_ASSEMBLY]).toBe('/tmp/x');
    expect(disposed).toBe(false);
    teardown();
    expect(disposed).toBe(true);
  });
});

describe('synthesizeOnce with variants', () => {
  /** A stand-in synth that records its folder, whether it was validated, and when it is disposed of. */
  function fakeSynth(folder: string, log: string[]) {
    return () => {
      log.push(`${folder} validated=${process.env.CDK_VALIDATION !== 'false'}`);
      return { assemblyDir: folder, dispose: () => log.push(`dispose ${folder}`) } as never;
    };
  }

  it('synthesizes each variant without CloudFormation Validate, provides their folders, and disposes of all', async () => {
    const log: string[] = [];
    const provided: Record<string, string> = {};
    const previous = process.env.CDK_VALIDATION;
    delete process.env.CDK_VALIDATION;
    try {
      const teardown = await synthesizeOnce(fakeSynth('/tmp/shared', log), {
        variants: { broken: fakeSynth('/tmp/broken', log), other: fakeSynth('/tmp/other', log) },
      })({
        provide: (key, value) => {
          provided[key] = value;
        },
      });

      expect(process.env.CDK_VALIDATION).toBeUndefined();
      expect(provided[SHARED_ASSEMBLY]).toBe('/tmp/shared');
      expect(JSON.parse(provided[SHARED_VARIANTS] ?? '')).toEqual({
        broken: '/tmp/broken',
        other: '/tmp/other',
      });
      teardown();
    } finally {
      process.env.CDK_VALIDATION = previous;
    }
    expect(log).toEqual([
      '/tmp/shared validated=true',
      '/tmp/broken validated=false',
      '/tmp/other validated=false',
      'dispose /tmp/shared',
      'dispose /tmp/broken',
      'dispose /tmp/other',
    ]);
  });

  it('disposes of what it synthesized when a variant fails to synthesize', async () => {
    const log: string[] = [];
    const failing = () => {
      throw new Error('the variant does not synthesize');
    };

    await expect(
      synthesizeOnce(fakeSynth('/tmp/shared', log), { variants: { failing } })({ provide: () => {} }),
    ).rejects.toThrow('the variant does not synthesize');
    expect(log).toEqual(['/tmp/shared validated=false', 'dispose /tmp/shared']);
  });
});

describe('synthesizeOnce and CloudFormation Validate', () => {
  /** Runs synthesizeOnce on a synth of the validation fixture, with validation on, and returns the verdict. */
  async function verdictOf(synth: 'passing' | 'failing') {
    const fixture = await import('./fixtures/validation-app/synths.js');
    const provided: Record<string, string> = {};
    const previous = process.env.CDK_VALIDATION;
    delete process.env.CDK_VALIDATION;
    try {
      const teardown = await synthesizeOnce(fixture[synth])({
        provide: (key, value) => {
          provided[key] = value;
        },
      });
      teardown();
    } finally {
      process.env.CDK_VALIDATION = previous;
    }
    return JSON.parse(provided[SHARED_VALIDATION] ?? '');
  }

  it('hands the test files a passing verdict for a template CloudFormation Validate accepts', async () => {
    expect(await verdictOf('passing')).toEqual({ passed: true });
  });

  it('hands them a failing verdict naming the rule and the construct, where cdk synth would fail', async () => {
    expect(await verdictOf('failing')).toEqual({
      passed: false,
      report:
        "CloudFormation Validate F3002 (error): NoSuchProperty: Additional properties are not allowed ('NoSuchProperty' was unexpected) at Failing/Queue",
    });
  });

  it('says the validation did not run when the shared synth ran with CDK_VALIDATION=false', async () => {
    const provided: Record<string, string> = {};
    await synthesizeOnce(
      () => ({ assemblyDir: assembly('unvalidated', { S: 's' }), dispose: () => {} }) as never,
    )({
      provide: (key, value) => {
        provided[key] = value;
      },
    });
    expect(JSON.parse(provided[SHARED_VALIDATION] ?? '')).toMatchObject({
      passed: false,
      report: expect.stringContaining('CloudFormation Validate did not run'),
    });
  });
});

describe('sharedVariant', () => {
  it('says that the global setup synthesized no variant when none was provided', () => {
    expect(() => sharedVariant('broken')).toThrow(
      'No shared variant "broken": the global setup synthesized none',
    );
  });
});

describe('sharedAssembly', () => {
  it('says which global setup is missing when nothing provided an assembly', () => {
    expect(() => sharedAssembly()).toThrow('No shared assembly: the vitest configuration needs globalSetup');
  });
});
