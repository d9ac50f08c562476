import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { LambdaFunctionDefinition } from '../../src/lambda/lambda-function.js';
import { LambdaRuntime } from '../../src/lambda/lambda-runtime.js';
import { recordingLogger } from '../support/serve.js';

let count = 0;

/** A function whose `index.js` (CommonJS) is `code`. */
export function functionWith(
  code: string,
  options: { memoryMb?: number; timeoutSeconds?: number } = {},
): LambdaFunctionDefinition {
  const codeDir = mkdtempSync(join(tmpdir(), 'gateway-lambda-test-'));
  writeFileSync(join(codeDir, 'index.js'), code);
  const logicalId = `TestFn${++count}`;
  return {
    logicalId,
    functionName: logicalId,
    arn: `arn:aws:lambda:us-east-1:123456789012:function:${logicalId}`,
    codeDir,
    handler: 'index.handler',
    runtime: 'nodejs22.x',
    timeoutSeconds: options.timeoutSeconds ?? 3,
    memoryMb: options.memoryMb ?? 128,
    environment: {},
    templateFile: 'test.template.json',
    region: 'us-east-1',
  };
}

/** A Lambda runtime for the rest of the test file, with its log. */
export function testRuntime(maxConcurrency = 1, idleMs?: number): { runtime: LambdaRuntime; log: string[] } {
  const logger = recordingLogger();
  const runtime = new LambdaRuntime(logger, maxConcurrency, idleMs);
  afterAll(() => runtime.close());
  return { runtime, log: logger.lines };
}
