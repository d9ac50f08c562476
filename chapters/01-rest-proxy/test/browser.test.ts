import { silentLogger } from '@cors-workshop/gateway';
import { browserTest, expectLabCall, labOrigins, readLabSpec, sharedAssembly } from '@cors-workshop/testing';
import { describe } from 'vitest';

/** The calls of the lesson and their predicted verdicts, as the lab (`pnpm start`) shows them. */
const spec = readLabSpec(new URL('../lab.json', import.meta.url));

const it = browserTest({
  source: sharedAssembly,
  origins: labOrigins([spec]),
  logger: silentLogger,
});

describe("Chromium's verdict on every call of the lab (lab.json)", () => {
  it.for(spec.calls.map((call) => [call.title, call] as const))('%s', async ([, call], { lab }) => {
    expectLabCall(call, await lab.run(call));
  });
});
