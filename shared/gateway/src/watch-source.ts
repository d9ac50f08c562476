import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, join } from 'node:path';
import type { GatewayLogger } from './logging/gateway-logger.js';

/** How long to wait after the last change before reloading: a synth writes many files in a burst. */
const SETTLE_MS = 50;

/**
 * Calls `onChange` once a cloud assembly (its `manifest.json`, rewritten last by every synth) or a template
 * file has changed and settled.
 * @returns the watcher; `close()` stops it
 */
export function watchSource(source: string, logger: GatewayLogger, onChange: () => void): { close(): void } {
  const isFolder = statSync(source).isDirectory();
  const watched = isFolder ? source : join(source, '..');
  const trigger = isFolder ? 'manifest.json' : basename(source);
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(watched, (_event, file) => {
    if (file !== trigger) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, SETTLE_MS);
  });
  watcher.on('error', (error) => logger.error(`watching ${source} failed: ${error.message}`));
  logger.info(`watching ${isFolder ? join(source, trigger) : source} for a new synth`);
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
