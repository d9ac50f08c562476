import { describe, expect, it } from 'vitest';
import { predictionScore, summarize } from '../public/summary.js';

const chapter = (folder, status, ids, problem) => ({
  folder,
  title: folder,
  status,
  problem,
  calls: ids.map((id) => ({ id })),
});

describe('summarize', () => {
  it('is green when every call of every chapter behaves as predicted', () => {
    const summary = summarize([chapter('01', 'serving', ['a', 'b'])], () => 'match');

    expect(summary).toMatchObject({ total: 2, behaving: 2, finished: true, tone: 'ok', failing: [] });
    expect(summary.headline).toBe('2 of 2 calls behave as their lessons predict.');
  });

  it("counts a refused chapter's calls as failing and names the chapter with its reason", () => {
    const chapters = [
      chapter('01', 'serving', ['a', 'b']),
      chapter('02', 'refused', ['c', 'd', 'e'], 'the local gateway refuses to serve it: Invalid mapping'),
    ];
    const summary = summarize(chapters, () => 'match');

    expect(summary).toMatchObject({ total: 5, behaving: 2, finished: true, tone: 'bad' });
    expect(summary.headline).toBe('2 of 5 calls behave as their lessons predict. 1 chapter is failing: 02.');
    expect(summary.failing).toEqual([
      {
        folder: '02',
        title: '02',
        problem: 'the local gateway refuses to serve it: Invalid mapping',
        calls: 3,
      },
    ]);
  });

  it('is red for a failing chapter even when it has no calls, such as one whose lab.json does not read', () => {
    const summary = summarize(
      [chapter('01', 'serving', ['a']), chapter('02', 'lab-invalid', [], 'its lab.json cannot be read')],
      () => 'match',
    );

    expect(summary.tone).toBe('bad');
    expect(summary.headline).toBe('1 of 1 call behaves as its lesson predicts. 1 chapter is failing: 02.');
  });

  it('does not count calls that ran against the version a failing chapter still serves', () => {
    const summary = summarize([chapter('01', 'synth-failed', ['a'], 'its synth failed')], () => 'match');

    expect(summary.behaving).toBe(0);
  });

  it('says how far the run is while calls are pending, without waiting for failing chapters', () => {
    const outcomes = { a: 'match', b: 'running', c: 'pending' };
    const summary = summarize(
      [chapter('01', 'serving', ['a', 'b', 'c']), chapter('02', 'refused', ['d'], 'refused')],
      (_chapter, call) => outcomes[call.id] ?? 'pending',
    );

    expect(summary).toMatchObject({ done: 2, finished: false, tone: 'running' });
    expect(summary.headline).toBe('Running the calls: 2 of 4 done … 1 chapter is failing: 02.');
  });

  it('counts mismatches and calls the lab could not make as not behaving', () => {
    const outcomes = { a: 'mismatch', b: 'error', c: 'match' };
    const summary = summarize(
      [chapter('01', 'serving', ['a', 'b', 'c'])],
      (_chapter, call) => outcomes[call.id],
    );

    expect(summary).toMatchObject({ behaving: 1, finished: true, tone: 'bad' });
  });
});

describe('predictionScore', () => {
  it('counts the revealed verdicts and the right guesses among them', () => {
    const score = predictionScore([
      { revealed: true, guess: 'blocked', verdict: 'blocked' },
      { revealed: true, guess: 'allowed', verdict: 'blocked' },
      { revealed: true, verdict: 'allowed' },
      { revealed: false, guess: 'allowed', verdict: 'allowed' },
    ]);

    expect(score).toMatchObject({ revealed: 3, guessed: 2, right: 1 });
    expect(score.headline).toBe('Predict first: 3 of 4 verdicts revealed; the room guessed 1 of 2 right.');
  });
});
