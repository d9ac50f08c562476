import { describe, expect, it } from 'vitest';
import { describeVerdict } from '../src/describe-verdict.js';
import type { Exercise } from '../src/exercise.js';
import type { ExerciseVerdict } from '../src/verdict.js';

const exercise = { id: '01.01', title: 'The header only the function can send' } as Exercise;
const timings = { synth: 1, checks: 1, total: 2 };

describe('describeVerdict', () => {
  it('says a solved exercise is solved', () => {
    const verdict: ExerciseVerdict = {
      id: '01.01',
      solved: true,
      results: [{ kind: 'browser', claim: 'A page reads GET /', passed: true, failures: [], exchanges: [] }],
      timings,
    };

    expect(describeVerdict(exercise, verdict)).toBe(
      '✔ 01.01 The header only the function can send: solved, its check holds\n',
    );
  });

  it("lists what is wrong, the browser's reason and the exchange the gateway saw", () => {
    const verdict: ExerciseVerdict = {
      id: '01.01',
      solved: false,
      results: [
        {
          kind: 'browser',
          claim: 'A page on http://localhost:3000 reads GET /',
          passed: false,
          failures: ['the page could not read the response header x-request-id'],
          browserReason: "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
          exchanges: [
            {
              method: 'GET',
              path: '/prod/',
              requestHeaders: [['Origin', 'http://localhost:3000']],
              status: 200,
              corsHeaders: [],
              body: '{"state":"ok"}',
            },
          ],
        },
        { kind: 'request', claim: 'the preflight answers 204', passed: true, failures: [], exchanges: [] },
      ],
      timings,
    };

    expect(describeVerdict(exercise, verdict)).toBe(
      [
        '✘ 01.01 The header only the function can send: not solved yet, 1 of 2 checks fail',
        '  ✘ A page on http://localhost:3000 reads GET /',
        '    the page could not read the response header x-request-id',
        "    Chromium's reason: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
        '    what the gateway saw:',
        '      GET /prod/',
        '        Origin: http://localhost:3000',
        '      → 200  {"state":"ok"}',
        '        (no Access-Control-* header)',
        '  ✔ the preflight answers 204',
        '',
      ].join('\n'),
    );
  });

  it('quotes the refusal of a template the gateway will not serve', () => {
    const verdict: ExerciseVerdict = {
      id: '01.01',
      solved: false,
      refused: { step: 'serve', message: 'Stack.template.json (Method): Invalid mapping expression' },
      results: [],
      timings,
    };

    expect(describeVerdict(exercise, verdict)).toContain(
      'the local gateway refuses the template, as API Gateway would refuse to deploy it:\n    Stack.template.json (Method): Invalid mapping expression',
    );
  });
});
