/**
 * Turns a run of a chapter's checks into the transcript its README shows: masked, with the stable URLs of
 * the lesson, and only the exchanges the lesson shows.
 *
 * @module
 */
import { basename } from 'node:path';
import type { ChapterChecks } from './chapter-checks.js';
import { DEFAULT_MASKS, maskExchange } from './mask-exchange.js';
import { renderExchange, renderTranscript } from './render-transcript.js';
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
    .map((run) => {
      const shownAs = chapter.apis[run.api]!.shownAs;
      const url = run.exchange.request.url;
      const shownUrl = url.startsWith(run.apiUrl) ? shownAs + url.slice(run.apiUrl.length) : url;
      return renderExchange(maskExchange(run.exchange, masks), shownUrl);
    });
  return renderTranscript(shown);
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
 * What a test says when a README's transcript differs from a fresh run: that it is stale, and the command
 * that rewrites it.
 *
 * @param chapterDir - the chapter's folder
 * @returns e.g. ``README transcript is stale: run `pnpm --filter ./chapters/01-rest-proxy run transcripts` ``
 */
export function staleTranscriptMessage(chapterDir: string): string {
  return `README transcript is stale: run \`${regenerateCommand(chapterDir)}\``;
}
