import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { ValidationLastSequencer } from '../src/validation-last-sequencer.js';

const root = '/chapter';
const project = { name: '', config: { sequence: { groupOrder: 0 }, isolate: false } };

/** A vitest whose cache remembers each file's last duration, as after an earlier run. */
function vitestWithDurations(durations: Record<string, number>): Vitest {
  const cache = {
    getFileTestResults: (key: string) => {
      const duration = durations[key.slice(key.indexOf(':') + 1)];
      return duration === undefined ? undefined : { duration, failed: false };
    },
    getFileStats: () => ({ size: 1 }),
  };
  return { cache, config: { root } } as unknown as Vitest;
}

const spec = (file: string) => ({ moduleId: `${root}/${file}`, project }) as unknown as TestSpecification;

describe('ValidationLastSequencer', () => {
  it('runs test/validate.test.ts last, even when it was the slowest file of the last run', async () => {
    const sequencer = new ValidationLastSequencer(
      vitestWithDurations({
        'test/validate.test.ts': 5000,
        'test/browser.test.ts': 3000,
        'test/stack.test.ts': 10,
      }),
    );
    const sorted = await sequencer.sort(
      ['test/stack.test.ts', 'test/validate.test.ts', 'test/browser.test.ts'].map(spec),
    );
    expect(sorted.map((file) => file.moduleId.slice(root.length + 1))).toEqual([
      'test/browser.test.ts',
      'test/stack.test.ts',
      'test/validate.test.ts',
    ]);
  });

  it('leaves a file that only ends like it where vitest puts it', async () => {
    const sequencer = new ValidationLastSequencer(
      vitestWithDurations({ 'test/prevalidate.test.ts': 5000, 'test/stack.test.ts': 10 }),
    );
    const sorted = await sequencer.sort(['test/stack.test.ts', 'test/prevalidate.test.ts'].map(spec));
    expect(sorted.map((file) => file.moduleId.slice(root.length + 1))).toEqual([
      'test/prevalidate.test.ts',
      'test/stack.test.ts',
    ]);
  });
});
