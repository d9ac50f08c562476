/**
 * A diagnosis as `cors-doctor` prints it: a report for people, or the JSON document for programs.
 *
 * @module
 */
import { renderExchange } from '@cors-workshop/verify';
import type { AnswerSource } from './apigw/answer-source.js';
import type { DiagnosedExchange, Diagnosis } from './diagnose.js';

/** The JSON document of `cors-doctor --json`. */
export interface DoctorJson {
  /** `allowed` or `blocked`. */
  readonly verdict: 'allowed' | 'blocked';
  /** The blocking step (`preflight`, `request`, `redirect`, `read-header`), or `null`. */
  readonly step: string | null;
  /** Chromium's console sentence, or the doctor's own for what Chromium does not report. */
  readonly reason: string;
  /** The explanation, followed by the CDK fix when there is one. */
  readonly explanation: string;
  /** Every exchange: its role, the request, the response and, when the API is known, who produced it. */
  readonly exchanges: readonly DiagnosedExchange[];
}

/** The explanation and, when known, the fix, as one text. */
export function fullExplanation(diagnosis: Diagnosis): string {
  if (diagnosis.fix === undefined) return diagnosis.explanation;
  return `${diagnosis.explanation}\n\nThe fix: ${diagnosis.fix.summary}\n\n${diagnosis.fix.code}`;
}

/**
 * The JSON document of a diagnosis.
 * @see DoctorJson
 */
export function toJson(diagnosis: Diagnosis): DoctorJson {
  return {
    verdict: diagnosis.verdict,
    step: diagnosis.step,
    reason: diagnosis.reason,
    explanation: fullExplanation(diagnosis),
    exchanges: diagnosis.exchanges,
  };
}

const STEP_WORDS: Record<string, string> = {
  preflight: 'at the preflight',
  request: 'at the response to the request',
  redirect: 'at a redirect',
  'read-header': 'at reading a response header',
};

/**
 * The report a person reads: the verdict, Chromium's console line, the explanation, the fix, the API, and
 * every exchange as `curl -i` shows it.
 */
export function renderReport(diagnosis: Diagnosis): string {
  const lines: string[] = [];
  lines.push(
    diagnosis.verdict === 'allowed'
      ? `ALLOWED: ${diagnosis.reason}`
      : `BLOCKED ${STEP_WORDS[diagnosis.step ?? ''] ?? ''}`.trimEnd(),
  );
  if (diagnosis.verdict === 'blocked') {
    lines.push(
      '',
      diagnosis.consoleMessage === undefined
        ? diagnosis.reason
        : `Chromium's console: ${diagnosis.consoleMessage}`,
    );
  }
  lines.push('', diagnosis.explanation);
  if (diagnosis.fix !== undefined) {
    lines.push('', `The fix (CDK): ${diagnosis.fix.summary}`, '', indent(diagnosis.fix.code, '    '));
  }
  const { api } = diagnosis;
  lines.push(
    '',
    api === undefined
      ? `API Gateway: unknown (${diagnosis.apiUnknown ?? 'not looked for'})`
      : `API Gateway: ${api.kind} API ${api.logicalId} of stack ${api.stack}, stage ${api.stage} (${api.how}; ${api.assembly})`,
  );
  for (const exchange of diagnosis.exchanges) {
    lines.push(
      '',
      `--- ${exchange.role === 'preflight' ? 'the preflight' : 'the request'}`,
      renderExchange(exchange),
    );
    if (exchange.producedBy !== undefined) lines.push(...sourceLines(exchange.producedBy));
  }
  return `${lines.join('\n')}\n`;
}

function sourceLines(source: AnswerSource): string[] {
  const lines = [`(answered by ${source.description})`];
  for (const [header, by] of Object.entries(source.corsHeaders)) {
    if (by !== source.description) lines.push(`  ${header} ← ${by}`);
  }
  return lines;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}
