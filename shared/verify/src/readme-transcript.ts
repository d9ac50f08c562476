/**
 * Finds and replaces the transcript block of a chapter's README: the text between the transcript markers,
 * which nothing but the transcripts script writes.
 *
 * @module
 */

/** The HTML comment that opens a README's transcript block. */
export const TRANSCRIPT_START = '<!-- transcript:start -->';

/** The HTML comment that closes a README's transcript block. */
export const TRANSCRIPT_END = '<!-- transcript:end -->';

/**
 * The text between the transcript markers of a README, without the line breaks next to the markers.
 *
 * @param markdown - the README's text
 * @returns the block's content (`''` for an empty block)
 * @throws Error when the README has no transcript block, several, or markers out of order
 * @example
 * ```ts
 * readTranscript('intro\n<!-- transcript:start -->\n```console\n…\n```\n<!-- transcript:end -->\n');
 * // '```console\n…\n```'
 * ```
 */
export function readTranscript(markdown: string): string {
  const { contentStart, contentEnd } = locateBlock(markdown);
  return markdown
    .slice(contentStart, contentEnd)
    .replace(/^\r?\n/, '')
    .replace(/\r?\n$/, '');
}

/**
 * Returns the README with its transcript block holding `transcript`, each marker on a line of its own; the
 * rest of the README is kept byte for byte.
 *
 * @param markdown - the README's text
 * @param transcript - the new content of the block, e.g. from `renderTranscript`
 * @returns the new README text
 * @throws Error when the README has no transcript block, several, or markers out of order
 */
export function replaceTranscript(markdown: string, transcript: string): string {
  const { contentStart, contentEnd } = locateBlock(markdown);
  const content = transcript === '' ? '\n' : `\n${transcript}\n`;
  return markdown.slice(0, contentStart) + content + markdown.slice(contentEnd);
}

function locateBlock(markdown: string): { contentStart: number; contentEnd: number } {
  const starts = occurrences(markdown, TRANSCRIPT_START);
  const ends = occurrences(markdown, TRANSCRIPT_END);
  if (starts.length !== 1 || ends.length !== 1) {
    throw new Error(
      `A README needs exactly one "${TRANSCRIPT_START}" and one "${TRANSCRIPT_END}" line; found ${starts.length} and ${ends.length}`,
    );
  }
  const start = starts[0]!;
  const end = ends[0]!;
  if (end < start) {
    throw new Error(`"${TRANSCRIPT_END}" comes before "${TRANSCRIPT_START}" in the README`);
  }
  return { contentStart: start + TRANSCRIPT_START.length, contentEnd: end };
}

function occurrences(text: string, marker: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + marker.length)) {
    found.push(at);
  }
  return found;
}
