/**
 * The suite every chapter's `test/transcript.test.ts` declares: the claims of its `checks.ts` hold against
 * the local gateway, and its README's transcript is what a fresh run prints.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChapterChecks } from './chapter-checks.js';
import { chapterTranscript, staleTranscriptMessage, transcriptRequestNames } from './chapter-transcript.js';
import { readTranscript } from './readme-transcript.js';
import { type CheckRun, describeFailures, runChecks } from './run-checks.js';
import { describeTranscriptDrift } from './transcript-drift.js';

/** The name of the suite {@link describeChapterTranscript} declares. */
export const CHAPTER_TRANSCRIPT_SUITE = 'checks.ts: the claims the README transcript shows';

/**
 * What a transcript test needs from its test context: a running gateway that knows the APIs' URLs, and the
 * test's `expect`, which vitest puts in every test's context.
 */
export interface TranscriptTestContext {
  /** The local gateway serving the chapter, from the chapter's test fixture. */
  readonly gateway: {
    /** The invoke URL, ending with `/`, of the API with this CloudFormation logical ID. */
    urlOf(logicalId: string): string;
  };
  /**
   * The test's `expect`.
   * @see https://vitest.dev/guide/test-context#expect
   */
  readonly expect: (
    actual: unknown,
    message?: string,
  ) => {
    /** Asserts that the value is `expected` (`Object.is`). */
    toBe(expected: unknown): void;
    /** Asserts that the value deeply equals `expected`. */
    toEqual(expected: unknown): void;
  };
}

/** Where a chapter's README is, and the test functions its suite is declared with. */
export interface ChapterTranscriptOptions {
  /**
   * The chapter's folder, which holds its `README.md`: a path, or a `file:` URL such as
   * `new URL('..', import.meta.url)` from the chapter's `test/` folder.
   */
  readonly chapterDir: string | URL;
  /** vitest's `describe`. */
  readonly describe: (name: string, factory: () => void) => void;
  /**
   * A vitest `test` whose context has a `gateway`, such as `gatewayTest({ source: assembly })` from
   * `@cors-workshop/testing`.
   */
  readonly it: (name: string, body: (context: TranscriptTestContext) => Promise<void>) => void;
  /**
   * Send the checks' requests all at once (the `concurrent` option of {@link runChecks}), for a chapter whose
   * answers do not depend on their order and some of whose routes wait out a timeout.
   * @default false
   */
  readonly concurrent?: boolean;
}

/**
 * Declares a chapter's transcript suite, {@link CHAPTER_TRANSCRIPT_SUITE}, with two tests sharing one run of
 * the checks against the gateway of their context:
 *
 * - `holds every claim against the local gateway`: fails, listing {@link describeFailures} (what each request
 *   gets now, in the lesson's terms, and the claim it breaks), when an answer misses what its check expects;
 * - `matches the README transcript with a fresh run`: when the README's transcript block differs from
 *   {@link chapterTranscript} of that run, fails listing the claims that no longer hold or, when they all
 *   hold, what a reader of the README would now see differently ({@link describeTranscriptDrift}), then
 *   {@link staleTranscriptMessage}.
 *
 * vitest's `describe` and `it` are passed in, and `expect` comes from each test's context, so that this
 * package needs no test runner when a script such as `scripts/transcripts.mjs` loads it.
 *
 * @param checks - the chapter's checks, from its `checks.ts`
 * @param options - the chapter's folder, and vitest's `describe` and the chapter's gateway `it`
 * @example
 * ```ts
 * import { silentLogger } from '@cors-workshop/gateway';
 * import { gatewayTest, sharedAssembly } from '@cors-workshop/testing';
 * import { describeChapterTranscript } from '@cors-workshop/verify';
 * import { describe } from 'vitest';
 * import { checks } from '../checks.js';
 *
 * describeChapterTranscript(checks, {
 *   chapterDir: new URL('..', import.meta.url),
 *   describe,
 *   it: gatewayTest({ source: sharedAssembly, logger: silentLogger }),
 * });
 * ```
 * @see https://vitest.dev/guide/test-context#test-extend
 */
export function describeChapterTranscript(checks: ChapterChecks, options: ChapterTranscriptOptions): void {
  const { describe, it } = options;
  const chapterDir =
    typeof options.chapterDir === 'string' ? options.chapterDir : fileURLToPath(options.chapterDir);

  let run: Promise<CheckRun[]> | undefined;
  /** One run of the checks, shared by the two tests. */
  const checksRun = (gateway: TranscriptTestContext['gateway']) => {
    run ??= runChecks(checks, (logicalId) => gateway.urlOf(logicalId), {
      concurrent: options.concurrent ?? false,
    });
    return run;
  };

  // vitest reads which fixtures a test uses from the destructuring pattern of its first parameter.
  describe(CHAPTER_TRANSCRIPT_SUITE, () => {
    it('holds every claim against the local gateway', async ({ gateway, expect }) => {
      const failures = describeFailures(await checksRun(gateway));
      if (failures.length > 0) {
        throw new Error(report("The lesson's claims that no longer hold:", failures, CLAIMS_HINT));
      }

      expect(failures).toEqual([]);
    });

    it('matches the README transcript with a fresh run', async ({ gateway, expect }) => {
      const runs = await checksRun(gateway);
      const committed = readTranscript(readFileSync(join(chapterDir, 'README.md'), 'utf8'));
      const fresh = chapterTranscript(checks, runs);
      const failures = describeFailures(runs);
      if (failures.length > 0) {
        throw new Error(
          report("README.md's transcript shows claims that no longer hold:", failures, CLAIMS_HINT),
        );
      }
      const drift = describeTranscriptDrift(committed, fresh, transcriptRequestNames(checks, runs));
      if (drift.length > 0) {
        throw new Error(
          report(
            "README.md's transcript no longer matches the chapter:",
            drift,
            staleTranscriptMessage(chapterDir),
          ),
        );
      }

      expect(fresh).toBe(committed);
    });
  });
}

/** What to do about a claim that no longer holds. */
const CLAIMS_HINT =
  "Either a change to the chapter broke what its lesson teaches, or the lesson now teaches something else: then change the claim in checks.ts, and the README's prose with it";

/** A failure report: the heading, one line per item, and an optional closing hint. */
function report(heading: string, items: readonly string[], hint?: string): string {
  return [heading, ...items.map((item) => `  - ${item}`), ...(hint === undefined ? [] : [hint])].join('\n');
}
