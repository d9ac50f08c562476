#!/usr/bin/env node
/**
 * `cors-doctor <url> --origin O …`: the browser's CORS verdict for a call, explained. Exit code 0 when the
 * call is allowed, 1 when it is blocked, 2 for a usage or network error. See the package README.
 * @module
 */
import { parseCliOptions, USAGE, UsageError } from './cli-options.js';
import { FetchTypeError } from './cors/browser-request.js';
import { NetworkError } from './cors/exchange.js';
import { diagnose } from './diagnose.js';
import { renderReport, toJson } from './render-report.js';

async function main(argv: readonly string[]): Promise<number> {
  let options: ReturnType<typeof parseCliOptions>;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`cors-doctor: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const diagnosis = await diagnose(options.diagnose);
    process.stdout.write(
      options.json ? `${JSON.stringify(toJson(diagnosis), null, 2)}\n` : renderReport(diagnosis),
    );
    return diagnosis.verdict === 'allowed' ? 0 : 1;
  } catch (error) {
    if (error instanceof FetchTypeError) {
      process.stderr.write(
        `cors-doctor: the page's fetch() would throw before sending anything: TypeError: ${error.message}\n`,
      );
      return 2;
    }
    // A cloud assembly that cannot be read (`GatewayConfigError` of the gateway's assembly reader).
    if (error instanceof NetworkError || (error instanceof Error && error.name === 'GatewayConfigError')) {
      process.stderr.write(`cors-doctor: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`cors-doctor: ${(error as Error)?.stack ?? error}\n`);
    process.exit(2);
  },
);
