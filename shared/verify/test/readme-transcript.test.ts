import { describe, expect, it } from 'vitest';
import {
  readTranscript,
  replaceTranscript,
  TRANSCRIPT_END,
  TRANSCRIPT_START,
} from '../src/readme-transcript.js';

const readme = [
  '# Chapter',
  '',
  'Before.',
  '',
  TRANSCRIPT_START,
  '```console',
  '$ curl -i http://127.0.0.1:3001/prod/',
  '```',
  TRANSCRIPT_END,
  '',
  'After.',
  '',
].join('\n');

describe('readTranscript', () => {
  it('reads the text between the markers, without the line breaks next to them', () => {
    expect(readTranscript(readme)).toBe('```console\n$ curl -i http://127.0.0.1:3001/prod/\n```');
  });

  it('reads an empty block as the empty string', () => {
    expect(readTranscript(`a\n${TRANSCRIPT_START}\n${TRANSCRIPT_END}\nb`)).toBe('');
  });

  it('refuses a README without markers, naming them', () => {
    expect(() => readTranscript('# Chapter\n')).toThrow(
      `A README needs exactly one "${TRANSCRIPT_START}" and one "${TRANSCRIPT_END}" line; found 0 and 0`,
    );
  });

  it('refuses a README with two blocks', () => {
    expect(() => readTranscript(readme + readme)).toThrow('found 2 and 2');
  });

  it('refuses markers in the wrong order', () => {
    expect(() => readTranscript(`${TRANSCRIPT_END}\n${TRANSCRIPT_START}\n`)).toThrow('comes before');
  });
});

describe('replaceTranscript', () => {
  it('replaces the block and keeps everything else byte for byte', () => {
    const replaced = replaceTranscript(readme, '```console\nnew\n```');

    expect(replaced).toBe(readme.replace('$ curl -i http://127.0.0.1:3001/prod/', 'new'));
  });

  it('fills an empty block, each marker staying on a line of its own', () => {
    const empty = `a\n${TRANSCRIPT_START}\n${TRANSCRIPT_END}\nb`;

    expect(replaceTranscript(empty, 'x')).toBe(`a\n${TRANSCRIPT_START}\nx\n${TRANSCRIPT_END}\nb`);
  });

  it('gives back what readTranscript reads', () => {
    expect(readTranscript(replaceTranscript(readme, 'line 1\n\nline 2'))).toBe('line 1\n\nline 2');
  });
});
