import { afterAll, describe, expect, it } from 'vitest';
import { ExerciseVerifier } from '../src/exercise-verifier.js';
import { readExercises } from '../src/read-exercises.js';
import { ROOT } from './repository.js';

const exercise = readExercises(ROOT).find((each) => each.id === '01.01')!;
const verifier = new ExerciseVerifier(ROOT);
afterAll(() => verifier.close());

describe('a chapter that cannot be checked is not solved, and the verdict says why', () => {
  it("quotes esbuild's error for a handler that does not compile, with the chapter's path", async () => {
    const broken = new Map([
      ['handlers/rest-proxy.ts', 'export const handler = async () => ({ statusCode: 200,, });\n'],
    ]);

    const verdict = await verifier.verify(exercise, { overlay: broken });

    expect(verdict.solved).toBe(false);
    expect(verdict.refused?.step).toBe('synth');
    expect(verdict.refused?.message).toContain(
      'esbuild could not bundle the code of ProxyCorsRestapiStack/RestProxyFn:',
    );
    expect(verdict.refused?.message).toContain('chapters/01-rest-proxy/handlers/rest-proxy.ts:1:');
    expect(verdict.refused?.message).not.toContain('/tmp/');
  });

  it("quotes the app's own error when the stack throws", async () => {
    const throwing = new Map([
      [
        'lib/proxy-cors-restapi-stack.ts',
        "export const DEFAULT_ALLOWED_ORIGINS = [];\nexport class ProxyCorsRestapiStack {\n  constructor() {\n    throw new Error('no stack today');\n  }\n}\n",
      ],
    ]);

    const verdict = await verifier.verify(exercise, { overlay: throwing });

    expect(verdict.refused).toEqual({ step: 'synth', message: 'no stack today' });
  });
});
