import { silentLogger } from '@cors-workshop/gateway';
import { browserTest, checkLabCall, labOrigins, readLabSpec, sharedAssembly } from '@cors-workshop/testing';
import { describe } from 'vitest';

/** The calls of the lesson and their predicted verdicts, as the lab (`pnpm start`) shows them. */
const spec = readLabSpec(new URL('../lab.json', import.meta.url));

const it = browserTest({
  source: sharedAssembly,
  origins: labOrigins([spec]),
  logger: silentLogger,
});

describe.concurrent("Chromium's verdict on every call of the lab (lab.json)", () => {
  it.for(spec.calls.map((call) => [call.title, call] as const))('%s', async ([, call], { lab, expect }) => {
    const run = await lab.run(call);

    expect(run.result.verdict).toBe(call.expect.verdict);
    expect(run.consoleReason !== undefined).toBe(call.expect.verdict === 'blocked');
    expect(checkLabCall(call, run).mismatches).toEqual([]);
  });
});

describe.concurrent('what the page may read of an allowed answer', () => {
  const call = (id: string) => {
    const found = spec.calls.find((one) => one.id === id);
    if (found === undefined) throw new Error(`lab.json has no call "${id}"`);
    return found;
  };
  /** The same call, asking the page to read X-Request-Id whether or not the lesson says it can. */
  const readingRequestId = (id: string) => {
    const found = call(id);
    return { ...found, expect: { ...found.expect, readable: ['x-request-id'] } };
  };

  it('cannot read X-Request-Id from /unexposed: the header arrived, but is not exposed', async ({
    lab,
    expect,
  }) => {
    const run = await lab.run(readingRequestId('unexposed-header'));

    expect(run.result.verdict).toBe('allowed');
    expect(
      run.exchanges.at(-1)?.response.headers.some(([name]) => name.toLowerCase() === 'x-request-id'),
    ).toBe(true);
    expect(run.result.verdict === 'allowed' && run.result.headers['x-request-id']).toBeNull();
  });

  it('reads X-Request-Id from /profile, the same answer with the header exposed', async ({ lab, expect }) => {
    const run = await lab.run(readingRequestId('profile-listed-origin'));

    expect(run.result.verdict === 'allowed' && run.result.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
