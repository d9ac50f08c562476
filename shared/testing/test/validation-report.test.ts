import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assemblyValidationFailures,
  failedValidations,
  VALIDATION_REPORT_FILE,
  type ValidationReport,
} from '../src/validation-report.js';

const failing: ValidationReport = {
  pluginReports: [
    {
      pluginName: 'CloudFormation Validate',
      conclusion: 'failure',
      violations: [
        {
          ruleName: 'F3002',
          description:
            "NoSuchProperty: Additional properties are not allowed ('NoSuchProperty' was unexpected)",
          severity: 'error',
          violatingConstructs: [{ constructPath: 'Failing/Queue' }],
        },
      ],
    },
  ],
};

describe('failedValidations', () => {
  it('names nothing when there is no plugin report, as for a template that passed', () => {
    expect(failedValidations({ pluginReports: [] })).toEqual([]);
  });

  it('names each violation of a failed report with its rule, severity and construct', () => {
    expect(failedValidations(failing)).toEqual([
      "CloudFormation Validate F3002 (error): NoSuchProperty: Additional properties are not allowed ('NoSuchProperty' was unexpected) at Failing/Queue",
    ]);
  });

  it('lets warnings pass, as cdk synth does: only a report concluded as a failure counts', () => {
    const warned: ValidationReport = {
      pluginReports: [
        {
          pluginName: 'CloudFormation Validate',
          conclusion: 'success',
          violations: [{ ruleName: 'W1', description: 'a warning', severity: 'warning' }],
        },
      ],
    };
    expect(failedValidations(warned)).toEqual([]);
  });

  it('still fails a failed report that names no violation', () => {
    expect(failedValidations({ pluginReports: [{ pluginName: 'Custom', conclusion: 'failure' }] })).toEqual([
      'Custom failed without naming a violation',
    ]);
  });
});

describe('assemblyValidationFailures', () => {
  it("reads the assembly's report, and says undefined when the synth wrote none", () => {
    const folder = mkdtempSync(join(tmpdir(), 'validation-report-test-'));
    try {
      expect(assemblyValidationFailures(folder)).toBeUndefined();
      writeFileSync(join(folder, VALIDATION_REPORT_FILE), JSON.stringify(failing));
      expect(assemblyValidationFailures(folder)).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
