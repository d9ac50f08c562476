/**
 * Reading response headers the way Chromium's network stack does: names compared without case, repeated
 * headers joined with `, `, values trimmed, comma lists split into tokens.
 *
 * @module
 */
import { isToken } from './safelist.js';

/** A header line: its name as sent and its value. */
export type HeaderLine = readonly [name: string, value: string];

/**
 * The value of a header: every line with that name, trimmed of spaces and tabs, joined with `, `.
 * @param headers - the header lines
 * @param name - the name, lower case
 * @returns the value, or `undefined` when no line has that name
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.3
 */
export function headerValue(headers: readonly HeaderLine[], name: string): string | undefined {
  const values: string[] = [];
  for (const [key, value] of headers) {
    if (key.toLowerCase() === name) values.push(trimWhitespace(value));
  }
  return values.length === 0 ? undefined : values.join(', ');
}

/** Trims spaces and tabs (HTTP's optional whitespace) from both ends. */
export function trimWhitespace(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * Splits an `Access-Control-Allow-Methods`, `-Allow-Headers` or `-Expose-Headers` value into its entries, as
 * Chromium parses them: empty entries are skipped, and any entry that is not a token makes the whole list
 * unreadable.
 *
 * @param value - the header's value
 * @returns the entries in order, `[]` when the header is absent, or `undefined` when it cannot be parsed
 * @see https://fetch.spec.whatwg.org/#http-new-header-syntax
 */
export function parseTokenList(value: string | undefined): string[] | undefined {
  if (value === undefined) return [];
  const entries: string[] = [];
  for (const part of value.split(',')) {
    const entry = trimWhitespace(part);
    if (entry === '') continue;
    if (!isToken(entry)) return undefined;
    entries.push(entry);
  }
  return entries;
}
