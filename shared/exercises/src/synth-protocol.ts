/**
 * The messages between the runner and its synth process.
 *
 * @module
 */

/** Synthesize the app of a chapter folder. */
export interface SynthRequest {
  /** Matches the reply to the request. */
  readonly id: number;
  /** The chapter folder (a snapshot), holding `bin/app.ts` and `node_modules`. */
  readonly chapterDir: string;
  /** Where the cloud assembly is written. */
  readonly outdir: string;
  /** The context the CDK CLI would pass: `cdk.json`'s, with its settings. */
  readonly context: Readonly<Record<string, unknown>>;
}

/** How a synth ended. */
export type SynthReply =
  | {
      /** The request's id. */
      readonly id: number;
      /** The assembly is written. */
      readonly ok: true;
      /** How long it took, in milliseconds. */
      readonly ms: number;
    }
  | {
      /** The request's id. */
      readonly id: number;
      /** The app failed. */
      readonly ok: false;
      /** The app's error message. */
      readonly message: string;
      /** How long it took, in milliseconds. */
      readonly ms: number;
    };
