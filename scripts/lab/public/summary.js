// The lab's summary, as a pure function of the chapters and the outcome of each call, so that it can be
// checked without a browser: a chapter that is refused or failing counts as failing, its calls with it.

/**
 * @typedef {'pending' | 'running' | 'match' | 'mismatch' | 'error'} CallOutcome
 * `match`: the call behaved as its lesson predicts; `error`: the lab could not make it.
 */

/**
 * Sums up a run of the lab.
 *
 * @param {{ folder: string, title: string, status: string, problem?: string, calls: { id: string }[] }[]} chapters
 * @param {(chapter: object, call: object) => CallOutcome} outcomeOf
 * @returns {{ total: number, behaving: number, done: number, finished: boolean, tone: 'ok' | 'bad' | 'running',
 *   headline: string, failing: { folder: string, title: string, problem: string, calls: number }[] }}
 */
export function summarize(chapters, outcomeOf) {
  let total = 0;
  let behaving = 0;
  let done = 0;
  const failing = [];
  for (const chapter of chapters) {
    const isFailing = chapter.status !== 'serving';
    if (isFailing) {
      failing.push({
        folder: chapter.folder,
        title: chapter.title,
        problem: chapter.problem ?? `its status is ${chapter.status}`,
        calls: chapter.calls.length,
      });
    }
    for (const call of chapter.calls) {
      total += 1;
      const outcome = outcomeOf(chapter, call);
      // A failing chapter's calls are not waited for: they cannot behave as their lesson predicts.
      if (isFailing || (outcome !== 'pending' && outcome !== 'running')) done += 1;
      if (!isFailing && outcome === 'match') behaving += 1;
    }
  }
  const finished = done === total;
  const tone = !finished ? 'running' : behaving === total && failing.length === 0 ? 'ok' : 'bad';
  const counted = `${behaving} of ${total} ${total === 1 ? 'call behaves' : 'calls behave'} as ${total === 1 ? 'its lesson predicts' : 'their lessons predict'}`;
  const failingNote =
    failing.length === 0
      ? ''
      : ` ${failing.length} ${failing.length === 1 ? 'chapter is' : 'chapters are'} failing: ${failing
          .map((chapter) => chapter.folder)
          .join(', ')}.`;
  const headline = finished
    ? `${counted}.${failingNote}`
    : `Running the calls: ${done} of ${total} done …${failingNote}`;
  return { total, behaving, done, finished, tone, headline, failing };
}

/**
 * The verdicts revealed in "predict first" mode, and how many the room guessed right.
 * @param {{ revealed: boolean, guess?: string, verdict?: string }[]} calls
 */
export function predictionScore(calls) {
  const revealed = calls.filter((call) => call.revealed);
  const guessed = revealed.filter((call) => call.guess !== undefined && call.verdict !== undefined);
  const right = guessed.filter((call) => call.guess === call.verdict).length;
  return {
    revealed: revealed.length,
    guessed: guessed.length,
    right,
    headline:
      `Predict first: ${revealed.length} of ${calls.length} verdicts revealed` +
      (guessed.length === 0 ? '.' : `; the room guessed ${right} of ${guessed.length} right.`),
  };
}
