import { describe, expect, it } from 'vitest';
import { interpretResultV1 } from '../../src/http/payload-v1-response.js';

const interpret = (result: unknown) => interpretResultV1(JSON.stringify(result));

describe('interpretResultV1', () => {
  it('reads the REST proxy shape, defaulting Content-Type to application/json, names in lower case', () => {
    expect(
      interpret({
        statusCode: 201,
        headers: { 'X-A': '1' },
        multiValueHeaders: { 'X-B': ['2', '3'] },
        body: 'ok',
      }),
    ).toEqual({
      status: 201,
      headers: [
        ['content-type', 'application/json'],
        ['x-b', '2, 3'],
        ['x-a', '1'],
      ],
      body: 'ok',
    });
  });

  it('always decodes a body marked isBase64Encoded, as HTTP APIs have no binary media types', () => {
    const answer = interpret({
      statusCode: 200,
      isBase64Encoded: true,
      body: Buffer.from('bytes').toString('base64'),
    });

    expect(Buffer.isBuffer((answer as { body: unknown }).body)).toBe(true);
    expect(String((answer as { body: Buffer }).body)).toBe('bytes');
  });

  it.each([
    ['an unknown member', { statusCode: 200, extra: true }],
    ['a bare string', 'justAString'],
    ['a non-numeric statusCode', { statusCode: 'ok' }],
  ])('reports %s as malformed', (_name, result) => {
    expect(interpret(result)).toMatchObject({
      malformed: true,
      reason: expect.stringContaining('Malformed Lambda proxy response'),
    });
  });
});
