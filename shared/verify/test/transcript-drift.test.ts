import { describe, expect, it } from 'vitest';
import { describeTranscriptDrift } from '../src/transcript-drift.js';

const block = (...exchanges: string[]) => ['```console', exchanges.join('\n\n'), '```'].join('\n');

const preflight = [
  '$ curl -i -X OPTIONS http://127.0.0.1:3001/prod/',
  'HTTP/1.1 204 No Content',
  'Access-Control-Allow-Origin: *',
  'Access-Control-Allow-Methods: OPTIONS,GET',
].join('\n');
const get = [
  '$ curl -i http://127.0.0.1:3001/prod/',
  'HTTP/1.1 200 OK',
  'Content-Type: application/json',
  'Access-Control-Allow-Origin: *',
  '',
  '{"state":"ok"}',
].join('\n');
const names = new Map([
  ['curl -i -X OPTIONS http://127.0.0.1:3001/prod/', '`OPTIONS /`'],
  ['curl -i http://127.0.0.1:3001/prod/', '`GET /`'],
]);

describe('describeTranscriptDrift', () => {
  it('finds nothing when the transcripts are the same', () => {
    expect(describeTranscriptDrift(block(preflight, get), block(preflight, get), names)).toEqual([]);
  });

  it('names a header the fresh run no longer sends, by the lesson name of its request', () => {
    const fresh = block(preflight, get.replace('Access-Control-Allow-Origin: *\n', ''));

    expect(describeTranscriptDrift(block(preflight, get), fresh, names)).toEqual([
      'the README shows `GET /` answered with `Access-Control-Allow-Origin: *`, which a fresh run no longer sends',
    ]);
  });

  it('names a changed status, a changed value, a new header and a changed body', () => {
    const fresh = block(
      preflight
        .replace('204 No Content', '200 OK')
        .replace('OPTIONS,GET', 'OPTIONS,GET,PUT')
        .concat('\nVary: Origin'),
      get.replace('{"state":"ok"}', ''),
    );

    expect(describeTranscriptDrift(block(preflight, get), fresh, names)).toEqual([
      'the README shows `OPTIONS /` answered with `HTTP/1.1 204 No Content`; a fresh run gets `HTTP/1.1 200 OK`',
      'the README shows `OPTIONS /` answered with `Access-Control-Allow-Methods: OPTIONS,GET`; a fresh run gets `Access-Control-Allow-Methods: OPTIONS,GET,PUT`',
      'a fresh run of `OPTIONS /` is answered with `Vary: Origin`, which the README does not show',
      'the README shows `GET /` answered with the body `{"state":"ok"}`; a fresh run gets no body',
    ]);
  });

  it('names exchanges only one side has, quoting the command of a request the checks no longer make', () => {
    const dropped = '$ curl -i http://127.0.0.1:3001/prod/old\nHTTP/1.1 200 OK';

    expect(describeTranscriptDrift(block(preflight, dropped), block(preflight, get), names)).toEqual([
      "the README shows `curl -i http://127.0.0.1:3001/prod/old`, which the chapter's checks no longer send",
      "the chapter's checks send `GET /`, which the README does not show",
    ]);
  });

  it('says when only the order of the headers or of the exchanges changed', () => {
    const reordered = get.replace(
      'Content-Type: application/json\nAccess-Control-Allow-Origin: *',
      'Access-Control-Allow-Origin: *\nContent-Type: application/json',
    );

    expect(describeTranscriptDrift(block(preflight, get), block(preflight, reordered), names)).toEqual([
      '`GET /` gets the headers the README shows, in another order',
    ]);
    expect(describeTranscriptDrift(block(preflight, get), block(get, preflight), names)).toEqual([
      "the README shows the same exchanges as a fresh run, in another order than the chapter's checks",
    ]);
  });

  it('still reports a difference it cannot name, such as blank lines', () => {
    expect(describeTranscriptDrift(block(preflight, get), `${block(preflight, get)}\n`, names)).toEqual([
      'the README shows the same exchanges as a fresh run, laid out differently',
    ]);
  });
});
