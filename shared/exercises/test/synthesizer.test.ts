import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextFromCdkJson } from '@cors-workshop/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { Synthesizer } from '../src/synthesizer.js';
import { ROOT } from './repository.js';

const outdir = mkdtempSync(join(tmpdir(), 'synthesizer-test-'));
const synthesizer = new Synthesizer();
afterAll(async () => {
  await synthesizer.close();
  rmSync(outdir, { recursive: true, force: true });
});

describe('Synthesizer', () => {
  it("writes a chapter's assembly without running CloudFormation Validate, which the chapter's tests run", async () => {
    const chapterDir = join(ROOT, 'chapters', '01-rest-proxy');
    const outcome = await synthesizer.synth({ chapterDir, outdir, context: contextFromCdkJson(chapterDir) });

    expect(outcome.ok).toBe(true);
    expect(readdirSync(outdir)).toContain('manifest.json');
    expect(existsSync(join(outdir, 'validation-report.json'))).toBe(false);
  });
});
