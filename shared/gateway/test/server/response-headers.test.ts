import { validateHeaderName, validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  prepareHeaders,
  SERVER_MANAGED_HEADERS,
  unsendableStatus,
} from '../../src/server/response-headers.js';

/** Whether Node's HTTP server would accept this header (it throws otherwise). */
function nodeAccepts(name: string, value: string): boolean {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const tokenChar = fc.constantFrom(
  ..."!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
);
const token = fc.string({ unit: tokenChar, minLength: 1, maxLength: 20 });

describe('prepareHeaders', () => {
  it('never hands Node a header it refuses, whatever the names and values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(token, anyText), anyText), { maxLength: 6 }), (headers) => {
        const prepared = prepareHeaders(headers);
        if ('reason' in prepared) return;
        for (let i = 0; i < prepared.flat.length; i += 2) {
          expect(nodeAccepts(prepared.flat[i]!, prepared.flat[i + 1]!)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('sends every header whose name is a token and whose value has no control character, as it is', () => {
    const printable = fc.string({
      unit: fc.constantFrom(...' \t!"#$%&/:;<=>?@[\\]^_{|}~aZ09'),
      maxLength: 30,
    });
    fc.assert(
      fc.property(token, printable, (name, value) => {
        fc.pre(!SERVER_MANAGED_HEADERS.has(name.toLowerCase()));
        expect(prepareHeaders([[name, value]])).toEqual({ flat: [name, value], dropped: [] });
      }),
    );
  });

  it('refuses a value holding CR, LF or NUL, quoting the header', () => {
    fc.assert(
      fc.property(
        token,
        anyText,
        fc.constantFrom('\r', '\n', '\r\n', '\0'),
        anyText,
        (name, before, bad, after) => {
          const prepared = prepareHeaders([[name, `${before}${bad}${after}`]]);
          expect(prepared).toMatchObject({ reason: expect.stringContaining(JSON.stringify(name)) });
        },
      ),
    );
  });

  it('answers the same for a name it has checked before, managed or not', () => {
    const headers: Array<[string, string]> = [
      ['Content-Length', '3'],
      ['X-Seen', 'a'],
    ];
    const first = prepareHeaders(headers);
    for (let i = 0; i < 3; i++) expect(prepareHeaders(headers)).toEqual(first);
    expect(first).toEqual({ flat: ['X-Seen', 'a'], dropped: ['Content-Length'] });
    expect(prepareHeaders([['X-Seen', 'a\nb']])).toMatchObject({ reason: expect.stringContaining('X-Seen') });
  });

  it('refuses a name that is not a token', () => {
    for (const name of ['', 'X Y', 'X:Y', 'X\r\nY', 'Ünïcode', '(paren)']) {
      expect(prepareHeaders([[name, 'v']])).toMatchObject({ reason: expect.stringContaining('not a token') });
    }
  });

  it('sends a value beyond Latin-1 as its UTF-8 bytes', () => {
    const prepared = prepareHeaders([['X-Text', 'café €']]);
    expect(prepared).toEqual({
      flat: ['X-Text', Buffer.from('café €', 'utf8').toString('latin1')],
      dropped: [],
    });
  });

  it('leaves out the headers the server frames itself, so Transfer-Encoding and Content-Length never meet', () => {
    const prepared = prepareHeaders([
      ['Transfer-Encoding', 'chunked'],
      ['content-length', '3'],
      ['Trailer', 'Expires'],
      ['Connection', 'close'],
      ['X-Kept', '1'],
    ]);
    expect(prepared).toEqual({
      flat: ['X-Kept', '1'],
      dropped: ['Transfer-Encoding', 'content-length', 'Trailer', 'Connection'],
    });
  });
});

describe('unsendableStatus', () => {
  it('accepts exactly the integers from 200 to 599', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.double()), (status) => {
        const ok = Number.isInteger(status) && status >= 200 && status <= 599;
        expect(unsendableStatus(status) === undefined).toBe(ok);
      }),
    );
  });
});
