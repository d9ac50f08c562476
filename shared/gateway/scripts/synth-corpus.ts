/**
 * Synthesizes the CDK apps of the gateway's test corpus (`test/corpus/apps`) into
 * `test/corpus/assemblies/<name>`, the cloud assemblies the corpus test serves. Run it after changing an app
 * (or upgrading aws-cdk-lib) and commit the result: `pnpm --filter @cors-workshop/gateway run corpus [name…]`.
 * The assemblies are as `cdk synth` writes them, less what the gateway never reads: the construct tree, the
 * feature-flag report, the validation report, and the assets that are not the corpus's own code.
 * @module
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { CORPUS_APPS } from '../test/corpus/apps/index.js';

const ASSEMBLIES = fileURLToPath(new URL('../test/corpus/assemblies/', import.meta.url));

/** Files of a cloud assembly the gateway never reads, and that change with every synth or machine. */
const DROPPED_FILES = ['tree.json', 'validation-report.json'];
const APPS = fileURLToPath(new URL('../test/corpus/apps/', import.meta.url));

/** The text of every file under `path` (a file or a folder). */
function textsUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [readFileSync(path, 'utf8')];
  return readdirSync(path).flatMap((entry) => textsUnder(join(path, entry)));
}

/** The corpus's own sources an asset may be a copy of: its handlers and definitions. */
const OWN_SOURCES = new Set([
  ...textsUnder(join(APPS, 'handlers')),
  ...textsUnder(join(APPS, 'definitions')),
]);

/**
 * Removes the staged assets that are not copies of the corpus's own sources (the handlers CDK brings for
 * its custom resources): the corpus commits only its own code, and no API of it invokes those.
 */
function dropForeignAssets(outdir: string): void {
  for (const entry of readdirSync(outdir)) {
    if (!entry.startsWith('asset.')) continue;
    const path = join(outdir, entry);
    if (!textsUnder(path).every((text) => OWN_SOURCES.has(text)))
      rmSync(path, { recursive: true, force: true });
  }
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in CORPUS_APPS));
if (unknown.length > 0) {
  process.stderr.write(
    `no corpus app named ${unknown.join(', ')}; the apps are ${Object.keys(CORPUS_APPS).join(', ')}\n`,
  );
  process.exit(2);
}
for (const [name, corpusApp] of Object.entries(CORPUS_APPS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const outdir = join(ASSEMBLIES, name);
  rmSync(outdir, { recursive: true, force: true });
  const app = new App({ outdir, context: { 'cli-telemetry': false } });
  corpusApp.build(app);
  app.synth({ validateOnSynthesis: false });
  for (const file of DROPPED_FILES) rmSync(join(outdir, file), { force: true });
  dropForeignAssets(outdir);
  const manifestFile = join(outdir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    artifacts?: Record<string, { type: string }>;
  };
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'cdk:tree' || artifact.type === 'cdk:feature-flag-report')
      delete manifest.artifacts![id];
  }
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`${name}: ${corpusApp.description}\n`);
}
