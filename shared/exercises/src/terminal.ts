/**
 * Questions to the learner, asked only when there is a terminal to answer them.
 *
 * @module
 */
import { createInterface } from 'node:readline/promises';

/** Whether both standard input and output are a terminal, so that a question can be answered. */
export function canAsk(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/**
 * Asks a yes/no question on the terminal; the default is no.
 * @param question - the question, without the `[y/N]` suffix
 */
export async function askYesNo(question: string): Promise<boolean> {
  const reader = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await reader.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    reader.close();
  }
}

/**
 * Waits until the learner presses Enter.
 * @param prompt - what to print first
 */
export async function waitForEnter(prompt: string): Promise<void> {
  const reader = createInterface({ input: process.stdin, output: process.stdout });
  try {
    await reader.question(prompt);
  } finally {
    reader.close();
  }
}
