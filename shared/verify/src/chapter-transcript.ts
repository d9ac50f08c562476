/**
 * Turns a run of a chapter's checks into the transcript its README shows: masked, with the stable URLs of
 * the lesson, and only the exchanges the lesson shows.
 *
 * @module
 */
import { basename } from 'node:path';
import type { ChapterChecks } from './chapter-checks.js';
import { requestInLessonTerms } from './lesson-terms.js';
import { DEFAULT_MASKS, maskExchange } from './mask-exchange.js';
import { curlCommand, renderExchange, renderTranscript } from './render-transcript.js';
import type { CheckRun } from './run-checks.js';

/**
 * The transcript block of a chapter's README for a run of its checks: each exchange whose check is
 * `inTranscript` (the default), masked with {@link DEFAULT_MASKS} and the chapter's own masks, its URL shown
 * on the API's `shownAs` base, as one fenced `console` block.
 *
 * Two runs against the same stack give the same text, which is what lets a test compare the committed
 * transcript with a fresh one.
 *
 * @param chapter - the chapter's checks (for the masks and the shown URLs)
 * @param runs - the result of `runChecks` for those checks
 * @returns the block's content, as `readTranscript` reads it back
 */
export function chapterTranscript(chapter: ChapterChecks, runs: readonly CheckRun[]): string {
  const masks = [...DEFAULT_MASKS, ...(chapter.masks ?? [])];
  const shown = runs
    .filter((run) => run.check.inTranscript ?? true)
    .map((run) => renderExchange(maskExchange(run.exchange, masks), shownUrl(chapter, run)));
  return renderTranscript(shown);
}

/**
 * The lesson's name of each request a transcript shows (`` `GET /greeting` ``), by the `curl` command line
 * the transcript prints for it, so that a drifted transcript can be told in the lesson's terms.
 *
 * @param chapter - the chapter's checks (for the shown URLs)
 * @param runs - the result of `runChecks` for those checks
 * @returns the names, by command line without the `$ ` prompt
 */
export function transcriptRequestNames(
  chapter: ChapterChecks,
  runs: readonly CheckRun[],
): Map<string, string> {
  return new Map(
    runs.map((run) => [
      curlCommand(run.exchange.request, shownUrl(chapter, run)),
      requestInLessonTerms(run.check.request),
    ]),
  );
}

/** The URL the transcript shows for a run: the API's `shownAs` base in place of the run's. */
function shownUrl(chapter: ChapterChecks, run: CheckRun): string {
  const shownAs = chapter.apis[run.api]!.shownAs;
  const url = run.exchange.request.url;
  return url.startsWith(run.apiUrl) ? shownAs + url.slice(run.apiUrl.length) : url;
}

/**
 * The command that rewrites a chapter's transcript, for a chapter in the workshop's `chapters/` folder.
 *
 * @param chapterDir - the chapter's folder, e.g. `/path/to/chapters/01-rest-proxy`
 * @returns e.g. `pnpm --filter ./chapters/01-rest-proxy run transcripts`
 */
export function regenerateCommand(chapterDir: string): string {
  return `pnpm --filter ./chapters/${basename(chapterDir.replace(/[\\/]+$/, ''))} run transcripts`;
}

/**
 * The hint that closes a drifted transcript's report: where the transcript is rewritten once the lesson is
 * meant to say the new thing.
 *
 * @param chapterDir - the chapter's folder
 * @returns e.g. ``If the lesson should now show this, `pnpm --filter ./chapters/01-rest-proxy run transcripts` rewrites …``
 */
export function staleTranscriptMessage(chapterDir: string): string {
  return (
    `If the lesson should now show this, \`${regenerateCommand(chapterDir)}\` rewrites the README's ` +
    'transcript; then read the prose around it again, which may say the old thing'
  );
}
