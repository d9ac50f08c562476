#!/usr/bin/env node
/**
 * Rewrites the transcript of a chapter's README from a fresh run of the chapter's checks.
 *
 * Run it from a chapter folder, through the chapter's `transcripts` script (which loads TypeScript with tsx):
 *
 *     pnpm --filter ./chapters/01-rest-proxy run transcripts
 *     pnpm --filter './chapters/*' run transcripts          # every chapter that has the script
 *
 * It synthesizes the chapter (`assembly` of its `checks.ts`), serves it on the local gateway, sends every
 * request of `checks`, and writes the masked `curl -i` transcript between the README's
 * `<!-- transcript:start -->` and `<!-- transcript:end -->` lines. Nothing else in the README changes.
 * When a check fails, nothing is written: a transcript never shows a claim that does not hold.
 *
 * Exit status: 0 when the transcript is up to date (rewritten or already equal), 1 when a check fails,
 * 2 when the chapter has no checks.ts or its README no transcript block.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const chapterDir = process.cwd();
const chapter = basename(chapterDir);
const checksFile = join(chapterDir, 'checks.ts');
const readmeFile = join(chapterDir, 'README.md');

if (!existsSync(checksFile)) {
  console.error(`transcripts: ${chapter} has no checks.ts (looked for ${checksFile})`);
  process.exit(2);
}

// The workshop's packages are dependencies of the chapter, not of the repository root: resolve them from there.
const fromChapter = createRequire(join(chapterDir, 'package.json'));
const load = (name) => import(pathToFileURL(fromChapter.resolve(name)).href);

const { silentLogger } = await load('@cors-workshop/gateway');
const { serveAssembly } = await load('@cors-workshop/testing');
const { chapterTranscript, describeFailures, readTranscript, replaceTranscript, runChecks } =
  await load('@cors-workshop/verify');
const { assembly, checks } = await import(pathToFileURL(checksFile).href);

const readme = await readFile(readmeFile, 'utf8');
let committed;
try {
  committed = readTranscript(readme);
} catch (error) {
  console.error(`transcripts: ${readmeFile}: ${error.message}`);
  process.exit(2);
}

const gateway = await serveAssembly({ source: assembly, logger: silentLogger });
let runs;
try {
  runs = await runChecks(checks, (logicalId) => gateway.urlOf(logicalId));
} finally {
  await gateway.close();
}

const failures = describeFailures(runs);
if (failures.length > 0) {
  console.error(`transcripts: ${failures.length} check(s) of ${chapter} failed; README.md left as it is:`);
  for (const failure of failures) {
    console.error(`  ${failure}`);
  }
  process.exit(1);
}

const fresh = chapterTranscript(checks, runs);
if (fresh === committed) {
  console.log(`transcripts: ${chapter}/README.md is up to date (${runs.length} checks passed)`);
} else {
  await writeFile(readmeFile, replaceTranscript(readme, fresh));
  console.log(`transcripts: rewrote the transcript of ${chapter}/README.md (${runs.length} checks passed)`);
}
