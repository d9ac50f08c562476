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
