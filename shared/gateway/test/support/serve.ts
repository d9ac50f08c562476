import { afterAll } from 'vitest';
import type { GatewayLogger } from '../../src/logging/gateway-logger.js';
import { startGateway } from '../../src/start-gateway.js';
import { writeTemplate } from './rest-template.js';

/** A logger that keeps its lines, so tests can assert what the gateway logged. */
export function recordingLogger(): GatewayLogger & { lines: string[] } {
  const lines: string[] = [];
  const push = (line: string) => {
    lines.push(line);
  };
  return { lines, verbose: false, info: push, error: push, debug: () => {} };
}

/**
 * Serves `template` on a free port for the rest of the test file and returns the first API's URL (with
 * its stage) and the log.
 */
export async function serveTemplate(template: unknown): Promise<{ url: string; log: string[] }> {
  const logger = recordingLogger();
  const gateway = await startGateway({ source: writeTemplate(template), port: 0, logger });
  afterAll(() => gateway.close());
  return { url: gateway.apis[0]!.url, log: logger.lines };
}
