/**
 * The child process of a background validation (see `startBackgroundValidation`): imports a module, runs the
 * synth it exports with CloudFormation Validate on, and reads the validation report the synth wrote, as the
 * `cdk` CLI does after an app has synthesized (the app itself does not fail: `contextFromCdkJson` leaves the
 * reporting to the CLI, as the CLI's context does). Writes the verdict to the file it is given, then exits;
 * a synth that throws leaves no verdict, and the parent reports what the child printed.
 *
 * Arguments: the module's URL, the export's name, the verdict file.
 *
 * @module
 */
import type { SynthesizedStack } from './synth-stack.js';
import { assemblyValidationFailures } from './validation-report.js';
import { writeVerdict } from './validation-verdict.js';

const [moduleUrl, exportName, verdictFile] = process.argv.slice(2);
if (moduleUrl === undefined || exportName === undefined || verdictFile === undefined) {
  console.error('usage: validation-runner <module URL> <export> <verdict file>');
  process.exit(2);
}
const loaded = (await import(moduleUrl)) as Record<string, unknown>;
const synth = loaded[exportName];
if (typeof synth !== 'function') {
  console.error(`${moduleUrl} exports no function named ${JSON.stringify(exportName)}`);
  process.exit(2);
}
const synthesized = (await synth()) as SynthesizedStack;
const failures = assemblyValidationFailures(synthesized.assemblyDir);
synthesized.dispose();
writeVerdict(
  verdictFile,
  failures === undefined
    ? { passed: false, report: 'The synth wrote no validation report: CloudFormation Validate did not run' }
    : failures.length > 0
      ? { passed: false, report: failures.join('\n') }
      : { passed: true },
);
