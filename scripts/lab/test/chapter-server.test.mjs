import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChapterServer } from '../chapter-server.mjs';
import { startSynthService } from '../synth-client.mjs';
import { fixtureWorkshop } from './support/fixture-workshop.mjs';

let workshop;
let service;
const servers = [];
beforeAll(async () => {
  service = startSynthService();
  workshop = await fixtureWorkshop({ service });
});
afterEach(async () => {
  // Each test watches the chapter afresh: an earlier server would synthesize every edit once more.
  for (const server of servers.splice(0)) await server.close();
});
afterAll(async () => {
  await service?.close();
  workshop?.remove();
});

/** A chapter server on free ports, and the changes it reports. */
async function serve(folder) {
  const changes = [];
  let notify = () => {};
  const server = new ChapterServer({
    chapter: { folder, number: Number(folder.slice(0, 2)), dir: workshop.dir(folder) },
    port: 0,
    onChange: (changed) => {
      changes.push({ status: changed.status, problem: changed.problem, generation: changed.generation });
      notify();
    },
  });
  servers.push(server);
  await server.start();
  /** Resolves once a change satisfies `test`. */
  const until = (test) =>
    new Promise((resolve) => {
      const check = () => {
        if (test(server)) resolve(server.snapshot());
      };
      notify = check;
      check();
    });
  return { server, changes, until };
}

const get = async (url) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
};

describe('ChapterServer', () => {
  it('serves a synthesized chapter with its lab.json calls', async () => {
    const { server } = await serve('01-fixture');

    expect(server.snapshot()).toMatchObject({
      folder: '01-fixture',
      title: 'The fixture chapter',
      status: 'serving',
      generation: 1,
      lesson: '/repo/chapters/01-fixture/README.md',
    });
    expect(server.calls.map((call) => call.id)).toEqual(['plain-get', 'preflighted-get', 'http-api-get']);
    expect(await get(server.apis[0].url)).toEqual({ status: 200, body: '{"hello":"v1"}' });
  });

  it('reports a template AWS would refuse as failing, with the resource and the reason', async () => {
    const { server } = await serve('02-refused');

    expect(server.failing).toBe(true);
    expect(server.status).toBe('refused');
    expect(server.problem).toMatch(/^the local gateway refuses to serve it: .*Access-Control-Allow-Origin/);
    expect(server.apis).toEqual([]);
  });

  it('serves a handler edit on the same port, as a new generation', async () => {
    const { server, until } = await serve('01-fixture');
    const url = server.apis[0].url;
    server.watch(service);
    workshop.edit('chapters/01-fixture/handlers/hello.ts', "hello: 'v1'", "hello: 'v2'");

    await until((current) => current.generation > 1);
    expect(server.apis[0].url).toBe(url);
    expect(await get(url)).toEqual({ status: 200, body: '{"hello":"v2"}' });
  });

  it('keeps the previous version and says why when an edit does not synthesize, then recovers', async () => {
    const { server, until } = await serve('01-fixture');
    server.watch(service);
    const body = (await get(server.apis[0].url)).body;
    workshop.edit(
      'chapters/01-fixture/handlers/hello.ts',
      'export const handler',
      'export const handler = (',
    );

    const failed = await until((current) => current.status === 'synth-failed');
    expect(failed.problem).toMatch(
      /^its synth failed after the edit of handlers\/hello\.ts \(the lab still shows/,
    );
    expect((await get(server.apis[0].url)).body).toBe(body);

    workshop.edit(
      'chapters/01-fixture/handlers/hello.ts',
      'export const handler = (',
      'export const handler',
    );
    await until((current) => current.status === 'serving');
    expect(server.problem).toBeUndefined();
  });

  it('serves a refused chapter once an edit makes it acceptable', async () => {
    const { server, until } = await serve('02-refused');
    server.watch(service);
    workshop.edit(
      'chapters/02-refused/lib/refused-stack.ts',
      'const DECLARED = false;',
      'const DECLARED = true;',
    );

    await until((current) => current.status === 'serving');
    expect(await get(server.apis[0].url)).toMatchObject({ status: 200 });
  });

  it('fails on a lab.json that does not read, and recovers when it does', async () => {
    const { server, until } = await serve('01-fixture');
    server.watch(service);
    const file = join(workshop.dir('01-fixture'), 'lab.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, '{ "title": "x", "calls": [] }');

    const invalid = await until((current) => current.status === 'lab-invalid');
    expect(invalid.problem).toMatch(/^its lab\.json cannot be read: .*calls must be a non-empty list/);

    writeFileSync(file, text);
    await until((current) => current.status === 'serving');
    expect(server.calls).toHaveLength(3);
  });
});
