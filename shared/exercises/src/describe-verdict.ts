/**
 * Puts a verdict into plain words for the terminal: what is still wrong, the browser's reason, and the
 * exchange the gateway saw.
 *
 * @module
 */
import type { Exercise } from './exercise.js';
import type { CheckResult, ExchangeSummary, ExerciseVerdict } from './verdict.js';

/**
 * The verdict as lines of text: a heading, then each failed check with its reasons and exchanges, then the
 * checks that hold, one line each.
 *
 * @param exercise - the exercise the verdict is about
 * @param verdict - the verdict
 * @returns the text, ending with a newline
 * @example
 * ```ts
 * process.stdout.write(describeVerdict(exercise, await verifier.verify(exercise)));
 * // ✘ 01.01 The header only the function can send: not solved yet, 2 of 2 checks fail
 * //   ✘ A page on http://localhost:3000 reads GET /
 * //     the exercise expects the browser allows the call, but it was blocked: No 'Access-Control-Allow-Origin' …
 * ```
 */
export function describeVerdict(exercise: Exercise, verdict: ExerciseVerdict): string {
  const heading = `${exercise.id} ${exercise.title}`;
  if (verdict.refused !== undefined) {
    const why =
      verdict.refused.step === 'synth'
        ? 'the chapter does not synthesize'
        : 'the local gateway refuses the template, as API Gateway would refuse to deploy it';
    return `✘ ${heading}: not solved yet, ${why}:\n${indent(verdict.refused.message.trim(), 4)}\n`;
  }
  const failed = verdict.results.filter((result) => !result.passed);
  const total = verdict.results.length;
  if (failed.length === 0) {
    return `✔ ${heading}: solved, ${total === 1 ? 'its check holds' : `all ${total} checks hold`}\n`;
  }
  const lines = [`✘ ${heading}: not solved yet, ${failed.length} of ${total} checks fail`];
  for (const result of failed) lines.push(...describeFailure(result));
  for (const result of verdict.results.filter((each) => each.passed)) lines.push(`  ✔ ${result.claim}`);
  return `${lines.join('\n')}\n`;
}

function describeFailure(result: CheckResult): string[] {
  const lines = [`  ✘ ${result.claim}`];
  for (const failure of result.failures) lines.push(indent(failure, 4));
  if (result.browserReason !== undefined && !result.failures.some((f) => f.includes(result.browserReason!))) {
    lines.push(`    Chromium's reason: ${result.browserReason}`);
  }
  if (result.exchanges.length > 0) {
    lines.push(`    ${result.kind === 'browser' ? 'what the gateway saw' : 'the exchange'}:`);
    for (const exchange of result.exchanges) lines.push(...describeExchange(exchange));
  } else if (result.kind === 'browser') {
    lines.push('    the gateway saw no request for this call');
  }
  return lines;
}

/** One exchange as a request line with its CORS headers, then the answer's status, CORS headers and body. */
export function describeExchange(exchange: ExchangeSummary): string[] {
  const lines = [`      ${exchange.method} ${exchange.path}`];
  for (const [name, value] of exchange.requestHeaders) lines.push(`        ${name}: ${value}`);
  const body = exchange.body === '' ? '' : `  ${exchange.body}`;
  lines.push(`      → ${exchange.status}${body}`);
  if (exchange.corsHeaders.length === 0) lines.push('        (no Access-Control-* header)');
  for (const [name, value] of exchange.corsHeaders) lines.push(`        ${name}: ${value}`);
  return lines;
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}
