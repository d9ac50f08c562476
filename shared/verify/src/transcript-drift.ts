/**
 * What changed between the transcript a README shows and a fresh run, said exchange by exchange in the
 * lesson's terms: the status, the headers and the body a reader of the README would now see differently.
 *
 * @module
 */

/** One `curl -i` exchange of a transcript, as the README shows it. */
interface ShownExchange {
  /** The command line, without the `$ ` prompt. */
  readonly command: string;
  /** The status line, e.g. `HTTP/1.1 204 No Content`. */
  readonly status: string;
  /** The header lines, `Name: value`. */
  readonly headers: readonly string[];
  /** The body, `''` when there is none. */
  readonly body: string;
}

/**
 * The differences between two transcripts, one sentence each, naming the request the way the lesson does.
 *
 * @param shown - the transcript block of the README
 * @param fresh - the transcript of a fresh run
 * @param requestNames - the lesson's name of each request (`` `GET /greeting` ``), by its `curl` command line;
 *   a command without one is quoted as it is
 * @default requestNames - every request is quoted as its command
 * @returns the sentences; empty when the transcripts are the same
 * @example
 * ```ts
 * describeTranscriptDrift(readme, fresh, names);
 * // ["the README shows `GET /` answering with `Vary: Origin`, which a fresh run no longer sends"]
 * ```
 */
export function describeTranscriptDrift(
  shown: string,
  fresh: string,
  requestNames: ReadonlyMap<string, string> = new Map(),
): string[] {
  if (shown === fresh) return [];
  const before = parseTranscript(shown);
  const after = parseTranscript(fresh);
  const name = (command: string) => requestNames.get(command) ?? `\`${command}\``;
  const drift: string[] = [];
  for (const old of before) {
    const now = after.find((candidate) => candidate.command === old.command);
    if (now === undefined) {
      drift.push(`the README shows ${name(old.command)}, which the chapter's checks no longer send`);
      continue;
    }
    drift.push(...describeExchangeDrift(name(old.command), old, now));
  }
  for (const now of after) {
    if (!before.some((old) => old.command === now.command)) {
      drift.push(`the chapter's checks send ${name(now.command)}, which the README does not show`);
    }
  }
  const order = (exchanges: readonly ShownExchange[]) => exchanges.map((exchange) => exchange.command).join();
  if (drift.length === 0 && order(before) !== order(after)) {
    drift.push(
      "the README shows the same exchanges as a fresh run, in another order than the chapter's checks",
    );
  }
  if (drift.length === 0) {
    drift.push('the README shows the same exchanges as a fresh run, laid out differently');
  }
  return drift;
}

function describeExchangeDrift(request: string, old: ShownExchange, now: ShownExchange): string[] {
  const drift: string[] = [];
  if (old.status !== now.status) {
    drift.push(
      `the README shows ${request} answered with \`${old.status}\`; a fresh run gets \`${now.status}\``,
    );
  }
  const byName = (lines: readonly string[]) => {
    const names = new Map<string, string[]>();
    for (const line of lines) {
      const key = line.slice(0, Math.max(line.indexOf(':'), 0)).toLowerCase();
      names.set(key, [...(names.get(key) ?? []), line]);
    }
    return names;
  };
  const oldHeaders = byName(old.headers);
  const newHeaders = byName(now.headers);
  const headerDrift: string[] = [];
  for (const [key, lines] of oldHeaders) {
    const current = newHeaders.get(key);
    if (current === undefined) {
      headerDrift.push(
        `the README shows ${request} answered with ${list(lines)}, which a fresh run no longer sends`,
      );
    } else if (current.join('\n') !== lines.join('\n')) {
      headerDrift.push(
        `the README shows ${request} answered with ${list(lines)}; a fresh run gets ${list(current)}`,
      );
    }
  }
  for (const [key, lines] of newHeaders) {
    if (!oldHeaders.has(key)) {
      headerDrift.push(
        `a fresh run of ${request} is answered with ${list(lines)}, which the README does not show`,
      );
    }
  }
  drift.push(...headerDrift);
  if (headerDrift.length === 0 && old.headers.join('\n') !== now.headers.join('\n')) {
    drift.push(`${request} gets the headers the README shows, in another order`);
  }
  if (old.body !== now.body) {
    drift.push(
      `the README shows ${request} answered with the body ${body(old.body)}; a fresh run gets ${body(now.body)}`,
    );
  }
  return drift;
}

/** The exchanges of a transcript block: a fenced `console` block of `$ curl -i …` commands and answers. */
function parseTranscript(transcript: string): ShownExchange[] {
  const lines = transcript.split(/\r?\n/).filter((line) => !line.startsWith('```'));
  const exchanges: ShownExchange[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (!line.startsWith('$ ')) {
      index += 1;
      continue;
    }
    const command = line.slice(2);
    const status = lines[index + 1] ?? '';
    index += 2;
    const headers: string[] = [];
    while (index < lines.length && (lines[index] ?? '') !== '' && !(lines[index] ?? '').startsWith('$ ')) {
      headers.push(lines[index] ?? '');
      index += 1;
    }
    const bodyLines: string[] = [];
    if ((lines[index] ?? '') === '') index += 1;
    while (index < lines.length && !(lines[index] ?? '').startsWith('$ ')) {
      bodyLines.push(lines[index] ?? '');
      index += 1;
    }
    while (bodyLines.at(-1) === '') bodyLines.pop();
    exchanges.push({ command, status, headers, body: bodyLines.join('\n') });
  }
  return exchanges;
}

function list(lines: readonly string[]): string {
  return lines.map((line) => `\`${line}\``).join(' and ');
}

function body(text: string): string {
  return text === '' ? 'no body' : `\`${text}\``;
}
