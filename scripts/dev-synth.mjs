// The synth half of `pnpm run dev`: runs a chapter's CDK app in this long-lived process (started with
// `--import tsx` in the chapter folder), so aws-cdk-lib loads once and a handler edit re-synthesizes in a
// fraction of `cdk synth`'s time. An edit to the app itself (bin/, lib/) exits with code 75 so that the
// supervisor starts a fresh process.
import { watch } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contextFromCdkJson } from '@cors-workshop/testing';

const chapterDir = process.cwd();
process.env.CDK_OUTDIR = join(chapterDir, 'cdk.out');
process.env.CDK_CONTEXT_JSON = JSON.stringify(contextFromCdkJson(chapterDir));
const app = pathToFileURL(join(chapterDir, 'bin/app.ts')).href;
// The chapter's own aws-cdk-lib, the instance its app uses.
const { AssetStaging } = createRequire(join(chapterDir, 'package.json'))('aws-cdk-lib');
let generation = 0;

async function synth(reason) {
  const startedAt = performance.now();
  try {
    // Staging results are cached per process by source path, which would keep serving the old bundle.
    AssetStaging.clearAssetHashCache();
    // Each import runs bin/app.ts again (lib/ stays loaded); the App it creates synthesizes on
    // 'beforeExit', which this process never reaches, so the event is raised by hand.
    await import(`${app}?generation=${++generation}`);
    process.emit('beforeExit', 0);
    process.stderr.write(`dev: synthesized (${reason}) in ${Math.round(performance.now() - startedAt)} ms\n`);
  } catch (error) {
    process.stderr.write(`dev: synth failed (${reason}): ${error?.message ?? error}\n`);
  }
}

await synth('start');
let timer;
watch(join(chapterDir, 'handlers'), { recursive: true }, (_event, file) => {
  clearTimeout(timer);
  timer = setTimeout(() => synth(`handlers/${file}`), 50);
});
for (const folder of ['bin', 'lib']) {
  watch(join(chapterDir, folder), { recursive: true }, () => process.exit(75));
}
