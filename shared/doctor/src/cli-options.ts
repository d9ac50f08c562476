/**
 * The command line of `cors-doctor`, parsed into the options of `diagnose()`.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { type CredentialsMode, serializeOrigin } from './cors/browser-request.js';
import type { HeaderLine } from './cors/header-lines.js';
import type { DiagnoseOptions } from './diagnose.js';

/** The usage line. */
export const USAGE = `usage: cors-doctor <url> --origin ORIGIN [--method M] [--header "Name: value"]... [--body-type TYPE]
                   [--body TEXT] [--credentials include|same-origin|omit] [--read-header NAME]...
                   [--assembly cdk.out] [--api LOGICAL_ID] [--json]`;

/** Thrown for a command line the doctor cannot run; the message says what is wrong. */
export class UsageError extends Error {
  /** Always `UsageError`. */
  override readonly name = 'UsageError';
}

/** What the command line asks for. */
export interface CliOptions {
  /** The call to diagnose. */
  readonly diagnose: DiagnoseOptions;
  /** Print JSON instead of the report. */
  readonly json: boolean;
  /** Print the usage and stop. */
  readonly help: boolean;
}

const CREDENTIALS: readonly CredentialsMode[] = ['include', 'same-origin', 'omit'];

/** Bodies sent for `--body-type` when `--body` is not given. */
function sampleBody(type: string): string {
  const media = type.split(';', 1)[0]!.trim().toLowerCase();
  if (media === 'application/json' || media.endsWith('+json')) return '{}';
  if (media === 'application/x-www-form-urlencoded') return 'doctor=1';
  return 'cors-doctor';
}

/**
 * Parses the arguments (without `node` and the script).
 * @throws UsageError naming the bad argument
 */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { diagnose: { url: '', origin: '' }, json: false, help: true };
  const [url, ...extra] = positionals;
  if (url === undefined) throw new UsageError('the URL to check is missing');
  if (extra.length > 0)
    throw new UsageError(`one URL at a time, got also ${JSON.stringify(extra.join(' '))}`);
  if (!/^https?:\/\//i.test(url))
    throw new UsageError(`the URL must be http or https, got ${JSON.stringify(url)}`);
  if (values.origin === undefined)
    throw new UsageError(
      '--origin is required: the origin of the page making the call, e.g. http://localhost:5173',
    );
  try {
    serializeOrigin(values.origin);
  } catch (error) {
    throw new UsageError(`--origin: ${(error as Error).message}`);
  }
  const credentials = values.credentials ?? 'same-origin';
  if (!CREDENTIALS.includes(credentials as CredentialsMode)) {
    throw new UsageError(
      `--credentials must be include, same-origin or omit, got ${JSON.stringify(credentials)}`,
    );
  }
  const headers: HeaderLine[] = (values.header ?? []).map((line) => {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header must be "Name: value", got ${JSON.stringify(line)}`);
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  });
  const bodyType = values['body-type'];
  if (bodyType !== undefined) {
    if (headers.some(([name]) => name.toLowerCase() === 'content-type')) {
      throw new UsageError('give the Content-Type once: --body-type or --header "Content-Type: …", not both');
    }
    headers.push(['Content-Type', bodyType]);
  }
  const body = values.body ?? (bodyType === undefined ? undefined : sampleBody(bodyType));
  return {
    diagnose: {
      url,
      origin: values.origin,
      ...(values.method === undefined ? {} : { method: values.method }),
      headers,
      ...(body === undefined ? {} : { body }),
      credentials: credentials as CredentialsMode,
      readHeaders: values['read-header'] ?? [],
      ...(values.assembly === undefined ? {} : { assembly: values.assembly }),
      ...(values.api === undefined ? {} : { api: values.api }),
    },
    json: values.json ?? false,
    help: false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      origin: { type: 'string' },
      method: { type: 'string', short: 'X' },
      header: { type: 'string', short: 'H', multiple: true },
      'body-type': { type: 'string' },
      body: { type: 'string' },
      credentials: { type: 'string' },
      'read-header': { type: 'string', multiple: true },
      assembly: { type: 'string' },
      api: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
