import { evaluateResponse } from '@cors-workshop/verify';
import { describe, expect, it } from 'vitest';
import { inExerciseTerms } from '../src/exercise-terms.js';

/** A response that misses every kind of expectation below. */
const response = {
  status: 500,
  statusText: 'Internal Server Error',
  headers: [
    ['Access-Control-Allow-Origin', 'https://evil.example'],
    ['Access-Control-Allow-Credentials', 'true'],
    ['Access-Control-Expose-Headers', 'x-secret'],
    ['Vary', '*'],
  ] as [string, string][],
  body: 'oops',
};

const everyFailure = evaluateResponse(
  {
    status: 200,
    headers: {
      'access-control-allow-origin': 'https://app.example',
      'access-control-allow-methods': 'GET',
      'access-control-max-age': true,
      'access-control-allow-credentials': false,
      vary: { not: '*' },
    },
    exactCorsHeaders: true,
    body: 'ok',
  },
  response,
  '`GET /`',
);

describe('inExerciseTerms', () => {
  it('leaves no mention of the lesson in any failure a request check can report', () => {
    expect(everyFailure.length).toBeGreaterThanOrEqual(7);
    for (const failure of everyFailure) expect(inExerciseTerms(failure)).not.toMatch(/lesson/);
  });

  it('says what the exercise expects where the lesson said it', () => {
    expect(everyFailure.map(inExerciseTerms)).toEqual(
      expect.arrayContaining([
        '`GET /` now answers 500, where the exercise expects 200',
        '`GET /` does not carry `Access-Control-Allow-Methods` (the exercise expects `Access-Control-Allow-Methods: GET`)',
        '`GET /` now carries `Access-Control-Allow-Credentials: true`, which the exercise expects it not to carry',
        '`GET /` now carries `Vary: *`, which the exercise expects it never to carry',
        '`GET /` now carries `Access-Control-Expose-Headers: x-secret`, a CORS header the exercise does not expect',
      ]),
    );
  });

  it("rewords a browser call's mismatch", () => {
    expect(
      inExerciseTerms(
        "the lesson says the browser allows the call, but it was blocked: No 'Access-Control-Allow-Origin' header",
      ),
    ).toBe(
      "the exercise expects the browser allows the call, but it was blocked: No 'Access-Control-Allow-Origin' header",
    );
  });
});
