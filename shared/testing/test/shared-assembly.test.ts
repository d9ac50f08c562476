import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_VALIDATION } from '../src/background-validation.js';
import {
  readStackTemplate,
  SHARED_ASSEMBLY,
  SHARED_VARIANTS,
  sharedAssembly,
  sharedVariant,
  synthesizeOnce,
} from '../src/shared-assembly.js';
import { VALIDATION_REPORT_FILE } from '../src/validation-report.js';
import { awaitVerdict } from '../src/validation-verdict.js';

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
  /** A stand-in synth whose assembly holds the given validation report. */
  function synthWithReport(name: string, report: unknown) {
    return () => {
      const folder = assembly(name, { Stack: 'stack' });
      writeFileSync(join(folder, VALIDATION_REPORT_FILE), JSON.stringify(report));
      return { assemblyDir: folder, dispose: () => {} } as never;
    };
  }

  it("fails the run, naming the violation, when the shared synth's report has a failure, as cdk synth fails", async () => {
    const report = {
      pluginReports: [
        {
          pluginName: 'CloudFormation Validate',
          conclusion: 'failure',
          violations: [
            { ruleName: 'E3012', description: 'wrong type', violatingConstructs: [{ constructPath: 'S/Q' }] },
          ],
        },
      ],
    };
    await expect(synthesizeOnce(synthWithReport('failed', report))({ provide: () => {} })).rejects.toThrow(
      'The chapter fails CloudFormation Validate, as cdk synth would:\nCloudFormation Validate E3012: wrong type at S/Q',
    );
  });

  it('passes a shared synth whose report has none, as for a template that passed', async () => {
    const provided: Record<string, string> = {};
    await synthesizeOnce(synthWithReport('passed', { pluginReports: [] }))({
      provide: (key, value) => {
        provided[key] = value;
      },
    });
    expect(provided[SHARED_ASSEMBLY]).toBe(join(dir, 'passed'));
  });

  it('with the validation option, synthesizes without it and hands the background verdict to the test files', async () => {
    const log: string[] = [];
    const provided: Record<string, string> = {};
    const previous = process.env.CDK_VALIDATION;
    delete process.env.CDK_VALIDATION;
    try {
      const teardown = await synthesizeOnce(
        () => {
          log.push(`validated=${process.env.CDK_VALIDATION !== 'false'}`);
          return { assemblyDir: '/tmp/shared', dispose: () => {} } as never;
        },
        {
          validation: {
            module: new URL('./fixtures/validation-app/synths.ts', import.meta.url),
            export: 'unknown',
          },
        },
      )({
        provide: (key, value) => {
          provided[key] = value;
        },
      });
      try {
        expect(log).toEqual(['validated=false']);
        // The child's verdict on a module that exports no such synth: quick, as nothing is synthesized.
        expect(await awaitVerdict(provided[SHARED_VALIDATION] ?? '')).toMatchObject({
          passed: false,
          report: expect.stringContaining('exports no function named "unknown"'),
        });
      } finally {
        teardown();
      }
    } finally {
      process.env.CDK_VALIDATION = previous;
    }
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
