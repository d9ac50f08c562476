/**
 * A chapter's curl checks, declared once in its `checks.ts`: sent with undici, held against what the lesson
 * claims, and rendered as the `curl -i` transcript its README shows. The chapter's tests run them against the
 * local gateway and fail when the committed transcript differs from a fresh run, so prose, tests and
 * transcript cannot drift apart.
 *
 * @example
 * ```ts
 * import { chapterTranscript, describeFailures, readTranscript, runChecks } from '@cors-workshop/verify';
 *
 * const runs = await runChecks(checks, (logicalId) => gateway.urlOf(logicalId));
 * expect(describeFailures(runs)).toEqual([]);
 * expect(readTranscript(readme)).toBe(chapterTranscript(checks, runs));
 * ```
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS
 * @module
 */
export {
  type ApiUnderCheck,
  type ChapterChecks,
  type Check,
  type CheckMethod,
  type CheckRequest,
  defineChecks,
  type ExpectedResponse,
  type HeaderExpectation,
  type TranscriptMask,
} from './chapter-checks.js';
export {
  chapterTranscript,
  regenerateCommand,
  staleTranscriptMessage,
  transcriptRequestNames,
} from './chapter-transcript.js';
export {
  CHAPTER_TRANSCRIPT_SUITE,
  type ChapterTranscriptOptions,
  describeChapterTranscript,
  type TranscriptTestContext,
} from './describe-chapter-transcript.js';
export { evaluateResponse } from './evaluate-response.js';
export { headerInLessonTerms, requestInLessonTerms } from './lesson-terms.js';
export { DEFAULT_MASKS, maskExchange } from './mask-exchange.js';
export { readTranscript, replaceTranscript, TRANSCRIPT_END, TRANSCRIPT_START } from './readme-transcript.js';
export {
  type HeaderLine,
  headerValue,
  type RecordedExchange,
  type RecordedRequest,
  type RecordedResponse,
} from './recorded-exchange.js';
export { curlCommand, renderExchange, renderTranscript } from './render-transcript.js';
export {
  type CheckRun,
  describeFailures,
  type InvokeUrlOf,
  type RunChecksOptions,
  runChecks,
} from './run-checks.js';
export { type OutgoingRequest, sendRequest } from './send-request.js';
export { describeTranscriptDrift } from './transcript-drift.js';
