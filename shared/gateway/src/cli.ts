#!/usr/bin/env node
/**
 * `cors-gateway serve <cdk.out | template.json>`: serves the APIs of a cloud assembly locally, the way API
 * Gateway answers. See the package README for the options.
 * @module
 */
import { parseArgs } from 'node:util';
import { staleAssemblyWarning } from './assembly/stale-assembly.js';
import { GatewayConfigError } from './errors.js';
import { HttpEndpointError, parseHttpEndpointFlag } from './http-backends/http-endpoints.js';
import { ServiceEndpointError } from './services/service-endpoint-error.js';
import { parseEndpointFlag, type ServiceEndpoints } from './services/service-endpoints.js';
import { PortTakenError, startGateway } from './start-gateway.js';
import { runTokenCommand, TOKEN_USAGE } from './token-command.js';

const USAGE = `usage: cors-gateway serve <cdk.out dir | template.json> [--stack NAME] [--host 127.0.0.1] [--port N]
                          [--outputs-file FILE] [--json] [--watch] [--verbose]
                          [--endpoint SERVICE=embedded|aws|URL]...   (SERVICE: dynamodb, kinesis)
                          [--http-endpoint ORIGIN|LOGICAL_ID=URL]...  (backends of HTTP integrations)

                          [--jwks ISSUER=FILE]...   (a local JWKS for a JWT issuer outside the assembly)
       ${TOKEN_USAGE.replace('usage: ', '')}`;

/**
 * How long requests in flight may take to finish once SIGINT or SIGTERM arrives:
 * `CORS_GATEWAY_SHUTDOWN_GRACE_MS`, else 5 seconds.
 */
const SHUTDOWN_GRACE_MS = Number(process.env.CORS_GATEWAY_SHUTDOWN_GRACE_MS ?? 5000);

/**
 * The last resort: an exception that escapes every request's own handling (a callback of a library, a
 * timer) is logged with its stack and the gateway keeps serving the other requests.
 */
function keepServingOnUnexpectedErrors(): void {
  const report = (kind: string) => (error: unknown) => {
    process.stderr.write(
      `cors-gateway: ${kind}, still serving: ${(error as Error)?.stack ?? String(error)}\n`,
    );
  };
  process.on('uncaughtException', report('unexpected error'));
  process.on('unhandledRejection', report('unhandled rejection'));
}

/** Resolves at the next SIGINT or SIGTERM. */
function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'token') return runTokenCommand(argv.slice(1));
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`cors-gateway: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, source, ...extra] = positionals;
  if (command !== 'serve' || !source || extra.length > 0) {
    process.stderr.write(
      `cors-gateway: expected "serve <source>", got ${JSON.stringify(positionals.join(' '))}\n${USAGE}\n`,
    );
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      `cors-gateway: --port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}\n`,
    );
    return 2;
  }
  const startedAt = performance.now();
  const stale = staleAssemblyWarning(source);
  if (stale) process.stderr.write(`cors-gateway: warning: ${stale}\n`);
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  try {
    const serviceEndpoints: Record<string, string> = {};
    for (const flag of values.endpoint ?? []) {
      const [service, value] = parseEndpointFlag(flag);
      serviceEndpoints[service] = value;
    }
    const httpEndpoints: Record<string, string> = {};
    for (const flag of values['http-endpoint'] ?? []) {
      const [key, url] = parseHttpEndpointFlag(flag);
      httpEndpoints[key] = url;
    }
    const jwks: Record<string, string> = {};
    for (const flag of values.jwks ?? []) {
      const equals = flag.indexOf('=');
      if (equals < 1 || equals === flag.length - 1) {
        process.stderr.write(`cors-gateway: --jwks must be ISSUER=FILE, got ${JSON.stringify(flag)}\n`);
        return 2;
      }
      jwks[flag.slice(0, equals)] = flag.slice(equals + 1);
    }
    gateway = await startGateway({
      source,
      stack: values.stack,
      host: values.host,
      port,
      outputsFile: values['outputs-file'],
      verbose: values.verbose,
      watch: values.watch,
      serviceEndpoints: serviceEndpoints as ServiceEndpoints,
      httpEndpoints,
      jwks,
    });
  } catch (error) {
    if (
      error instanceof GatewayConfigError ||
      error instanceof ServiceEndpointError ||
      error instanceof HttpEndpointError
    ) {
      process.stderr.write(`cors-gateway: ${error.message}\n`);
      return 2;
    }
    if (error instanceof PortTakenError) {
      process.stderr.write(`cors-gateway: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ready: true, apis: gateway.apis })}\n`);
  }
  const width = Math.max(...gateway.apis.map((api) => api.logicalId.length), 5);
  process.stderr.write(`cors-gateway: ready in ${Math.round(performance.now() - startedAt)} ms\n`);
  for (const api of gateway.apis) {
    process.stderr.write(`  ${api.kind.padEnd(4)} ${api.logicalId.padEnd(width)} ${api.url}\n`);
  }
  keepServingOnUnexpectedErrors();
  const signal = await nextStopSignal();
  process.stderr.write(
    `cors-gateway: ${signal}: stopping; requests in flight may finish for ${SHUTDOWN_GRACE_MS} ms\n`,
  );
  // A second signal stops at once (the copies of function code are still removed on exit).
  void nextStopSignal().then(() => process.exit(0));
  await gateway.close(SHUTDOWN_GRACE_MS);
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      stack: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'outputs-file': { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
      watch: { type: 'boolean' },
      endpoint: { type: 'string', multiple: true },
      'http-endpoint': { type: 'string', multiple: true },
      jwks: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`cors-gateway: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  },
);
