/**
 * The verdict on an exercise: solved or not, and for each check what is still wrong, with the exchange that
 * shows it.
 *
 * @module
 */

/** One request and its answer, reduced to what CORS is about. */
export interface ExchangeSummary {
  /** The request method. */
  readonly method: string;
  /** The path and query, e.g. `/prod/greeting`. */
  readonly path: string;
  /** The request headers that matter to CORS: `Origin`, `Access-Control-Request-*`, and the page's own. */
  readonly requestHeaders: readonly (readonly [string, string])[];
  /** The status the gateway answered. */
  readonly status: number;
  /** The `Access-Control-*` and `Vary` headers of the answer, and those a page must be able to read. */
  readonly corsHeaders: readonly (readonly [string, string])[];
  /** The start of the body. */
  readonly body: string;
}

/** The outcome of one check of an exercise. */
export interface CheckResult {
  /** `request`: a check of `checks.json`; `browser`: a call of `lab.json`, made in Chromium. */
  readonly kind: 'request' | 'browser';
  /** The claim (`checks.json`) or the title (`lab.json`). */
  readonly claim: string;
  /** Whether the check holds. */
  readonly passed: boolean;
  /** What is wrong, one sentence each; empty when the check holds. */
  readonly failures: readonly string[];
  /** Why Chromium blocked the call, in its console's words (browser checks of blocked calls only). */
  readonly browserReason?: string;
  /** The exchanges the check caused, as the gateway saw them. */
  readonly exchanges: readonly ExchangeSummary[];
}

/** The verdict on one state of an exercise. */
export interface ExerciseVerdict {
  /** The exercise's id, `NN.MM`. */
  readonly id: string;
  /** Every check holds. */
  readonly solved: boolean;
  /**
   * Set when the checks could not run: the app did not synthesize, or the local gateway refused the
   * template (as AWS would refuse to deploy it).
   */
  readonly refused?: {
    /** Which step failed. */
    readonly step: 'synth' | 'serve';
    /** The error, in the words of TypeScript, CDK, esbuild or the gateway. */
    readonly message: string;
  };
  /** Each check's outcome, request checks first. */
  readonly results: readonly CheckResult[];
  /** How long each step took, in milliseconds. */
  readonly timings: VerdictTimings;
}

/** How long the steps of one check took, in milliseconds. */
export interface VerdictTimings {
  /** Copying and synthesizing the chapter (a few milliseconds when an earlier copy had the same files). */
  readonly synth: number;
  /** Serving the assembly and running the checks. */
  readonly checks: number;
  /** The whole check. */
  readonly total: number;
}
