// The synth service: one long-lived process that synthesizes any chapter's CDK app on request, the way
// `cdk synth` would, but without starting Node and loading aws-cdk-lib each time. Started by synth-client.mjs
// with an IPC channel; every request is `{ id, chapterDir, outdir?, bundling? }`, every answer
// `{ id, ok: true, ms }` or `{ id, ok: false, error }`. Requests run one at a time, in order.
//
// Each synth imports the chapter's bin/app.ts in a fresh tsx namespace, so an edit anywhere in the app
// (bin/, lib/, handlers/) is picked up without restarting the process, while aws-cdk-lib itself stays loaded.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const { assemblyValidationFailures, contextFromCdkJson, directEsbuildPath, VALIDATION_REPORT_FILE } =
  await import('@cors-workshop/testing');
const basePath = process.env.PATH ?? '';
// The lab's own esbuild, for an app folder without node_modules of its own.
const ownTools = fileURLToPath(new URL('./node_modules/.bin', import.meta.url));
let generation = 0;
let queue = Promise.resolve();

process.on('message', (request) => {
  queue = queue.then(() => handle(request));
});
// A chapter's app may leave a rejection behind; it must not end the service.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`synth service: ${reason?.stack ?? reason}\n`);
});

async function handle({ id, chapterDir, outdir, bundling = true }) {
  const startedAt = performance.now();
  let namespace;
  try {
    const context = contextFromCdkJson(chapterDir);
    // `bundling: false` (warming up) neither runs esbuild nor stages assets: fast, and nothing is copied.
    if (!bundling) {
      context['aws:cdk:bundling-stacks'] = [];
      context['aws:cdk:disable-asset-staging'] = true;
    }
    process.env.CDK_OUTDIR = outdir ?? join(chapterDir, 'cdk.out');
    // The report of an earlier synth must not stand for this one (with CDK_VALIDATION=false none is written).
    rmSync(join(process.env.CDK_OUTDIR, VALIDATION_REPORT_FILE), { force: true });
    process.env.CDK_CONTEXT_JSON = JSON.stringify(context);
    // The chapter's own tools (esbuild, for NodejsFunction) first on PATH, as `pnpm run synth` puts them, and
    // esbuild run directly rather than through a pnpm started for each function.
    process.env.PATH = directEsbuildPath(
      [join(chapterDir, 'node_modules', '.bin'), ownTools, basePath].join(delimiter),
    );
    // Staging results are cached per process by source path, which would keep serving the old bundle.
    const { AssetStaging } = createRequire(join(chapterDir, 'package.json'))('aws-cdk-lib');
    AssetStaging.clearAssetHashCache();
    generation += 1;
    namespace = register({ namespace: `synth-${generation}` });
    await namespace.import(pathToFileURL(join(chapterDir, 'bin', 'app.ts')).href, import.meta.url);
    // The App synthesizes on 'beforeExit', which this process never reaches, so the event is raised by hand.
    process.emit('beforeExit', 0);
    // The app only writes CloudFormation Validate's report; `cdk synth` is what fails on it, so this does too.
    const failures = assemblyValidationFailures(process.env.CDK_OUTDIR) ?? [];
    if (failures.length > 0) {
      throw new Error(
        `CloudFormation Validate, which cdk synth runs, refuses the template:\n${failures.join('\n')}`,
      );
    }
    process.send({ id, ok: true, ms: Math.round(performance.now() - startedAt) });
  } catch (error) {
    process.send({ id, ok: false, error: firstLines(error) });
  } finally {
    await namespace?.unregister();
  }
}

/** The error's message, without the stack frames of the service itself. */
function firstLines(error) {
  const text = String(error?.message ?? error);
  return text.length > 2000 ? `${text.slice(0, 2000)} …` : text;
}
