import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStderrLogger } from '../../src/logging/gateway-logger.js';

describe('createStderrLogger', () => {
  let writes: string[];

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'performance'] });
    writes = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      writes.push(String(text));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('writes the lines of one turn in one write, in order, on the next turn', () => {
    const logger = createStderrLogger();
    logger.info('first');
    logger.error('second');
    expect(writes).toEqual([]);

    vi.advanceTimersToNextTimer();

    expect(writes).toEqual(['first\nsecond\n']);
  });

  it('lets the lines that keep coming share a write, and loses none', () => {
    const logger = createStderrLogger();
    logger.info('a');
    vi.advanceTimersToNextTimer();
    for (const line of ['b', 'c', 'd']) {
      logger.info(line);
      vi.advanceTimersByTime(1);
    }
    vi.runAllTimers();

    expect(writes).toEqual(['a\n', 'b\nc\nd\n']);
  });

  it('writes debug lines only when verbose', () => {
    createStderrLogger(false).debug('hidden');
    createStderrLogger(true).debug('shown');
    vi.runAllTimers();

    expect(writes).toEqual(['shown\n']);
  });
});
