/**
 * The synth process: runs chapters' CDK apps (`bin/app.ts`) the way `cdk synth` does, for as long as the
 * runner needs it, so that aws-cdk-lib loads once. Each request names a snapshot folder of its own, so the
 * app's modules are loaded afresh while aws-cdk-lib stays loaded.
 *
 * Started by {@link Synthesizer} with `fork`; it speaks {@link SynthRequest} and {@link SynthReply}.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import type { SynthReply, SynthRequest } from './synth-protocol.js';

register();
const originalPath = process.env.PATH ?? '';

process.on('message', (request: SynthRequest) => {
  void synth(request).then((reply) => process.send?.(reply));
});

async function synth(request: SynthRequest): Promise<SynthReply> {
  const startedAt = performance.now();
  // The CLI runs the app in the folder of cdk.json; NodejsFunction looks for the lock file from there.
  process.chdir(request.chapterDir);
  // What the CDK CLI hands an app: where to write the assembly, and the context of cdk.json.
  process.env.CDK_OUTDIR = request.outdir;
  process.env.CDK_CONTEXT_JSON = JSON.stringify(request.context);
  // No CloudFormation Validate: the app only writes its report (the CLI, not the app, fails `cdk synth` on
  // it), and a verdict is about what the gateway and the browser answer. The chapter's own `pnpm test`
  // validates the same code.
  process.env.CDK_VALIDATION = 'false';
  // The chapter's own tools first on PATH, as `pnpm run` puts them: NodejsFunction bundles with its esbuild.
  process.env.PATH = `${join(request.chapterDir, 'node_modules', '.bin')}${delimiter}${originalPath}`;
  const before = new Set(process.listeners('beforeExit'));
  try {
    const { AssetStaging } = createRequire(join(request.chapterDir, 'package.json'))('aws-cdk-lib');
    AssetStaging.clearAssetHashCache();
    await import(pathToFileURL(join(request.chapterDir, 'bin', 'app.ts')).href);
    // An App given CDK_OUTDIR synthesizes on 'beforeExit', which this process never reaches: run the
    // listeners the app added, and only those.
    const added = process.listeners('beforeExit').filter((listener) => !before.has(listener));
    for (const listener of added) process.removeListener('beforeExit', listener);
    if (added.length === 0) {
      throw new Error('bin/app.ts created no App, so nothing was synthesized');
    }
    for (const listener of added) listener(0);
    return { id: request.id, ok: true, ms: performance.now() - startedAt };
  } catch (error) {
    for (const listener of process.listeners('beforeExit')) {
      if (!before.has(listener)) process.removeListener('beforeExit', listener);
    }
    const message = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, message, ms: performance.now() - startedAt };
  }
}
