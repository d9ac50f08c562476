import { describe, expect, it } from 'vitest';
import {
  decodeBase64Strictly,
  firstAcceptedMediaType,
  isBinaryMediaType,
  matchesBinaryMediaType,
} from '../../src/rest/binary-media-types.js';

describe('matchesBinaryMediaType', () => {
  it.each([
    ['image/png', 'image/png', true],
    ['image/png', 'IMAGE/PNG; q=0.9', true],
    ['image/*', 'image/jpeg', true],
    ['image/*', 'image/*', true],
    ['image/png', 'image/*', false],
    ['*/*', 'text/plain', true],
    ['*/test', 'random/test', false],
    ['*/test', '*/test', false],
    ['application/*', 'application', false],
    ['image/png', '', false],
  ])('matches the entry %s against %s: %s', (entry, value, expected) => {
    expect(matchesBinaryMediaType(entry, value)).toBe(expected);
  });
});

describe('isBinaryMediaType', () => {
  it('is false without a value or without binary media types', () => {
    expect(isBinaryMediaType(['*/*'], undefined)).toBe(false);
    expect(isBinaryMediaType([], 'image/png')).toBe(false);
  });
});

describe('firstAcceptedMediaType', () => {
  it('takes the first entry only, whatever the weights', () => {
    expect(firstAcceptedMediaType('image/webp, image/png;q=1, */*;q=0.8')).toBe('image/webp');
    expect(firstAcceptedMediaType(undefined)).toBeUndefined();
    expect(firstAcceptedMediaType('')).toBeUndefined();
  });
});

describe('decodeBase64Strictly', () => {
  it('decodes padded and unpadded standard base64', () => {
    expect(decodeBase64Strictly('dGVzdC1kYXRh')?.toString()).toBe('test-data');
    expect(decodeBase64Strictly('aGk=')?.toString()).toBe('hi');
    expect(decodeBase64Strictly('aGk')?.toString()).toBe('hi');
  });

  it.each(['èé+à)(', 'aGk=x', 'a', 'aGk =', 'aG-k'])('refuses %j', (text) => {
    expect(decodeBase64Strictly(text)).toBeUndefined();
  });
});
