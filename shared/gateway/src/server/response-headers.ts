/**
 * A header name HTTP accepts: a token of RFC 9110 (letters, digits and ``!#$%&'*+-.^_`|~``).
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-tokens
 */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Characters no header value may hold: the control characters other than tab (CR and LF among them). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
/** Characters beyond Latin-1, which go on the wire as their UTF-8 bytes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at NUL by definition
const BEYOND_LATIN1 = /[^\x00-\xff]/;

/**
 * Headers the server computes itself, so a response's own are left out: the body's framing
 * (`Content-Length`, `Transfer-Encoding`, `Trailer`) and the connection's (`Connection`, `Keep-Alive`,
 * `Proxy-Connection`, `Upgrade`). A response then never carries both `Transfer-Encoding` and
 * `Content-Length`. Integrations remap or drop these before (as API Gateway does); this is the last guard.
 * (`TE` is not among them: API Gateway sends a mapped `TE` response header as it is, as recorded.)
 */
export const SERVER_MANAGED_HEADERS: ReadonlySet<string> = new Set([
  'content-length',
  'transfer-encoding',
  'trailer',
  'connection',
  'keep-alive',
  'proxy-connection',
  'upgrade',
]);

/**
 * Header names already found to be tokens, and whether the server manages each: the same few names come
 * back on every response, and checking them again cost more than the rest of a MOCK answer. Bounded, since
 * a function may send ever new names.
 */
const checkedNames = new Map<string, boolean>();
const CHECKED_NAMES_KEPT = 1024;

/** A response's headers made ready for the wire, or why they cannot be sent. */
export type PreparedHeaders =
  | {
      /** Name/value pairs flattened, as `writeHead` takes them. */
      readonly flat: string[];
      /** Names left out because the server manages them (see {@link SERVER_MANAGED_HEADERS}). */
      readonly dropped: readonly string[];
    }
  | {
      /** What HTTP forbids in them, quoting the bad name or value. */
      readonly reason: string;
    };

/**
 * Checks the headers of a response before they are written: every name must be a token and no value may
 * hold a control character (CR, LF, NUL, …); otherwise the response cannot be sent and the reason says
 * which header is wrong. A value with characters beyond Latin-1 is sent as its UTF-8 bytes, the way a
 * backend's UTF-8 text reaches the client. Headers the server manages are left out.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-field-values
 */
export function prepareHeaders(headers: ReadonlyArray<readonly [string, string]>): PreparedHeaders {
  const flat: string[] = [];
  let dropped: string[] | undefined;
  for (const [rawName, rawValue] of headers) {
    const name = String(rawName);
    let value = String(rawValue);
    let managed = checkedNames.get(name);
    if (managed === undefined) {
      if (!TOKEN.test(name)) return { reason: `the header name ${JSON.stringify(name)} is not a token` };
      managed = name.length <= 17 && SERVER_MANAGED_HEADERS.has(name.toLowerCase());
      if (checkedNames.size >= CHECKED_NAMES_KEPT) checkedNames.clear();
      checkedNames.set(name, managed);
    }
    if (!isPlain(value)) {
      if (CONTROL.test(value)) {
        return {
          reason: `the value of header ${JSON.stringify(name)} holds a control character: ${JSON.stringify(value.slice(0, 200))}`,
        };
      }
      if (BEYOND_LATIN1.test(value)) value = Buffer.from(value, 'utf8').toString('latin1');
    }
    if (managed) {
      dropped ??= [];
      dropped.push(name);
      continue;
    }
    flat.push(name, value);
  }
  return { flat, dropped: dropped ?? [] };
}

/**
 * Why `status` cannot be a final response status, or `undefined` when it can: an integer from 200 to 599
 * (a 1xx is an interim response and cannot end a request).
 */
export function unsendableStatus(status: number): string | undefined {
  if (Number.isInteger(status) && status >= 200 && status <= 599) return undefined;
  return `the status ${JSON.stringify(status)} is not an integer from 200 to 599`;
}

/**
 * Whether a value holds only printable ASCII and tabs, the case of nearly every header; anything else takes
 * the slow path of the check. A loop over the characters costs a fraction of a regular expression here.
 */
function isPlain(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 ? code !== 0x09 : code > 0x7e) return false;
  }
  return true;
}
