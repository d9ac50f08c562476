/**
 * The query string of a request, as API Gateway decodes it for payload 1.0 events, mapping templates and checks.
 * @module
 */

/**
 * Parses a raw query string into the single- and multi-value maps of a payload 1.0 event: names and values
 * are decoded (`+` is a space), a name without `=` has the value `""`, and the single-value map holds the
 * last value of a repeated name.
 */
export function parseQuery(rawQuery: string): {
  single: Record<string, string> | null;
  multi: Record<string, string[]> | null;
} {
  if (rawQuery === '') return { single: null, multi: null };
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeQueryPart(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeQueryPart(pair.slice(equals + 1));
    single[name] = value;
    const values = multi[name];
    if (values) values.push(value);
    else multi[name] = [value];
  }
  return Object.keys(single).length === 0 ? { single: null, multi: null } : { single, multi };
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}
