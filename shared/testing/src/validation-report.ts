/**
 * Reading the validation report a synth writes to its cloud assembly (`validation-report.json`), as the `cdk`
 * CLI reads it to decide whether `cdk synth` failed.
 *
 * @module
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file a synth with CloudFormation Validate on writes its report to, in the cloud assembly. */
export const VALIDATION_REPORT_FILE = 'validation-report.json';

/** The part of `validation-report.json` the verdict reads. */
export interface ValidationReport {
  /** One report per validation plugin; none when every template passed. */
  readonly pluginReports?: readonly ValidationPluginReport[];
}

/** What one validation plugin (e.g. `CloudFormation Validate`) concluded. */
export interface ValidationPluginReport {
  /** The plugin's name. */
  readonly pluginName: string;
  /** `success` or `failure`. */
  readonly conclusion: string;
  /** What it found. */
  readonly violations?: readonly ValidationViolation[];
}

/** One rule a template breaks. */
export interface ValidationViolation {
  /** The rule's ID, e.g. `F3002`. */
  readonly ruleName: string;
  /** What the rule says of the template. */
  readonly description: string;
  /** `error`, `fatal` or `warning`. */
  readonly severity?: string;
  /** The constructs that break it. */
  readonly violatingConstructs?: readonly {
    /** The construct's path, e.g. `Stack/Api/Resource`. */
    readonly constructPath?: string;
  }[];
}

/**
 * The violations of every plugin report that failed, one line each: the plugin, the rule, what it says and
 * the constructs it names.
 *
 * @param report - the parsed `validation-report.json`
 * @returns nothing when every report passed
 * @example
 * ```ts
 * failedValidations(report);
 * // ['CloudFormation Validate F3002 (error): NoSuchProperty: Additional properties are not allowed … at Failing/Queue']
 * ```
 */
export function failedValidations(report: ValidationReport): string[] {
  const lines: string[] = [];
  for (const plugin of report.pluginReports ?? []) {
    if (plugin.conclusion !== 'failure') continue;
    const violations = plugin.violations ?? [];
    if (violations.length === 0) lines.push(`${plugin.pluginName} failed without naming a violation`);
    for (const violation of violations) {
      const where = (violation.violatingConstructs ?? [])
        .map((construct) => construct.constructPath)
        .filter((path) => path !== undefined);
      const severity = violation.severity === undefined ? '' : ` (${violation.severity})`;
      const at = where.length === 0 ? '' : ` at ${where.join(', ')}`;
      lines.push(`${plugin.pluginName} ${violation.ruleName}${severity}: ${violation.description}${at}`);
    }
  }
  return lines;
}

/** How a synth fared under CloudFormation Validate, as `cdk synth` judges it. */
export type ValidationVerdict = PassedValidation | FailedValidation;

/** The synth passed. */
export interface PassedValidation {
  /** Always `true`. */
  readonly passed: true;
}

/** The synth failed, or was not validated. */
export interface FailedValidation {
  /** Always `false`. */
  readonly passed: false;
  /** The violations, one a line, or why the validation did not run. */
  readonly report: string;
}

/**
 * The verdict on a synthesized assembly's validation report (see {@link assemblyValidationFailures}).
 *
 * @param assemblyDir - the cloud assembly folder
 * @returns failed, saying so, when the synth wrote no report (`CDK_VALIDATION=false` when it ran)
 */
export function assemblyValidationVerdict(assemblyDir: string): ValidationVerdict {
  const failures = assemblyValidationFailures(assemblyDir);
  if (failures === undefined) {
    return {
      passed: false,
      report:
        'CloudFormation Validate did not run: the synth wrote no validation report (CDK_VALIDATION=false?)',
    };
  }
  return failures.length === 0 ? { passed: true } : { passed: false, report: failures.join('\n') };
}

/**
 * The failed validations of a synthesized assembly (see {@link failedValidations}).
 *
 * @param assemblyDir - the cloud assembly folder
 * @returns the violations, one line each; `undefined` when the synth wrote no report (validation was off)
 */
export function assemblyValidationFailures(assemblyDir: string): string[] | undefined {
  const file = join(assemblyDir, VALIDATION_REPORT_FILE);
  if (!existsSync(file)) return undefined;
  return failedValidations(JSON.parse(readFileSync(file, 'utf8')) as ValidationReport);
}
