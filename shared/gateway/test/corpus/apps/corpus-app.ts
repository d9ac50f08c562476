import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from 'aws-cdk-lib';

/** One CDK app of the corpus: what it shows, and how to build it into an app. */
export interface CorpusApp {
  /** What the app is, in one sentence. */
  readonly description: string;
  /** Adds the app's stacks to `app`. */
  build(app: App): void;
}

/** The folder of one of the corpus's Lambda handlers (`handlers/<name>`), for `Code.fromAsset`. */
export function handlerDir(name: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'handlers', name);
}
