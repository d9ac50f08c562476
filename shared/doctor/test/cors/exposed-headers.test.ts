import { describe, expect, it } from 'vitest';
import { readHeaders } from '../../src/cors/exposed-headers.js';

const sent: Array<[string, string]> = [
  ['Content-Type', 'application/json'],
  ['X-Request-Id', 'r1'],
  ['X-Other', 'o'],
  ['Set-Cookie', 'a=b'],
];

describe('readHeaders', () => {
  it('reads safelisted headers without any exposure, and hides the others', () => {
    expect(
      readHeaders(sent, ['content-type', 'x-request-id'], false).map((read) => [
        read.value,
        read.readability,
      ]),
    ).toEqual([
      ['application/json', 'safelisted'],
      [null, 'not-exposed'],
    ]);
  });

  it('reads the names Access-Control-Expose-Headers lists, from every line of it, in any case', () => {
    const headers: Array<[string, string]> = [
      ...sent,
      ['Access-Control-Expose-Headers', 'X-REQUEST-ID'],
      ['access-control-expose-headers', 'x-other'],
    ];
    expect(readHeaders(headers, ['x-request-id', 'X-Other'], false).map((read) => read.value)).toEqual([
      'r1',
      'o',
    ]);
  });

  it('ignores the whole list when one entry is not a name', () => {
    expect(
      readHeaders(
        [...sent, ['Access-Control-Expose-Headers', 'x-request-id, ?bad']],
        ['x-request-id'],
        false,
      )[0]!.value,
    ).toBeNull();
  });

  it('exposes everything but Set-Cookie with *, and nothing extra with * and credentials', () => {
    const headers: Array<[string, string]> = [...sent, ['Access-Control-Expose-Headers', '*']];
    expect(readHeaders(headers, ['x-request-id', 'set-cookie'], false).map((read) => read.value)).toEqual([
      'r1',
      null,
    ]);
    expect(readHeaders(headers, ['x-request-id'], true)[0]!.value).toBeNull();
  });

  it('says when the response has no such header at all', () => {
    expect(readHeaders(sent, ['x-missing'], false)[0]).toEqual({
      name: 'x-missing',
      value: null,
      readability: 'absent',
      sent: undefined,
    });
  });
});
