// The lab page in a real Chromium, on the fixture workshop: a chapter that serves, and one the gateway refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrivateWorkshop, settled } from '../private-workshop.mjs';
import { startSynthService } from '../synth-client.mjs';
import { fixtureWorkshop } from './support/fixture-workshop.mjs';

let fixture;
let opened;
let service;
beforeAll(async () => {
  service = startSynthService();
  fixture = await fixtureWorkshop({ service });
  opened = await openPrivateWorkshop({ root: fixture.root });
});
afterAll(async () => {
  await opened?.close();
  await service?.close();
  fixture?.remove();
});

/** A new page on the lab, with its own viewport and query, settled. */
async function newPage({ viewport = { width: 1440, height: 1000 }, query = '' } = {}) {
  const context = await opened.browser.newContext({
    viewport,
    deviceScaleFactor: viewport.deviceScaleFactor ?? 1,
  });
  const page = await context.newPage();
  await page.goto(`${opened.lab.labOrigin}/${query}`);
  await settled(page);
  return page;
}

const card = (id) => `#call-01-fixture-${id}`;

describe('the summary', () => {
  it("counts the refused chapter's call as failing and gives its reason at the top", async () => {
    const { page } = opened;

    expect(await page.textContent('#summary')).toBe(
      '3 of 4 calls behave as their lessons predict. 1 chapter is failing: 02-refused.',
    );
    expect(await page.getAttribute('#summary', 'class')).toBe('bad');
    const problem = await page.textContent('#problems li');
    expect(problem).toMatch(
      /^02-refused is failing, so its 1 call counts as not behaving: the local gateway refuses to serve it: .*Access-Control-Allow-Origin/,
    );
    expect(await page.isVisible('#problems')).toBe(true);
  });
});

describe('a call card', () => {
  it('shows the verdict, the exchange, and the request template the MOCK preflight rendered', async () => {
    const { page } = opened;
    const preflighted = page.locator(card('preflighted-get'));

    expect(await preflighted.getAttribute('data-verdict')).toBe('allowed');
    expect(await preflighted.getAttribute('data-match')).toBe('ok');
    expect(await preflighted.locator('.stage h5').first().textContent()).toBe(
      'The request template rendered',
    );
    expect(await preflighted.locator('.stage pre').first().textContent()).toBe('{ statusCode: 200 }');
  });

  it("shows the function's own headers where the HTTP API replaced its Access-Control-Allow-Origin", async () => {
    const { page } = opened;
    const httpApi = page.locator(card('http-api-get'));

    expect(await httpApi.locator('.stage h5').textContent()).toBe('The function answered with');
    expect(await httpApi.locator('.stage del').textContent()).toBe('access-control-allow-origin: *');
    expect(await httpApi.locator('pre.response mark').first().textContent()).toBe(
      'access-control-allow-origin: http://localhost:5173',
    );
  });

  it('runs its call again with the Run button, as a new request', async () => {
    const { page } = opened;
    const plain = page.locator(card('plain-get'));
    const before = await plain.locator('pre.request b').textContent();
    await plain.locator('button.run').click();
    await page.waitForFunction(
      ([selector, first]) => {
        const line = document.querySelector(`${selector} pre.request b`)?.textContent;
        return (
          line !== undefined &&
          line !== first &&
          document.querySelector(selector)?.dataset.verdict === 'allowed'
        );
      },
      [card('plain-get'), before],
    );

    expect(await plain.locator('pre.request b').textContent()).toMatch(
      /^GET \/prod\/\?lab=\w+-\d+ HTTP\/1\.1$/,
    );
  });

  it('links to its lesson, which the lab renders with its links', async () => {
    const { page } = opened;
    const href = await page.getAttribute('#chapter-01-fixture a.lesson-link', 'href');
    const lesson = await opened.browser.newPage();
    await lesson.goto(new URL(href, opened.lab.labOrigin).href);

    expect(href).toBe('/repo/chapters/01-fixture/README.md');
    expect(await lesson.textContent('main h1')).toBe('Chapter 01 — The fixture chapter');
    expect(await lesson.getAttribute('main a[href$="hello.ts"]', 'href')).toBe('handlers/hello.ts');
    await lesson.close();
  });
});

describe('predict first', () => {
  it('hides the verdict, the why and the exchange until the room has guessed and the call is revealed', async () => {
    const page = await newPage({ query: '?predict=1' });
    const plain = page.locator(card('plain-get'));

    expect(await plain.getAttribute('data-verdict')).toBe('hidden');
    expect(await plain.locator('h3').textContent()).toBe(
      'GET / from http://localhost:3000: allowed or blocked?',
    );
    expect(await plain.locator('.why').count()).toBe(0);
    expect(await plain.locator('.exchange').count()).toBe(0);
    expect(await page.textContent('#summary')).toBe('Predict first: 0 of 4 verdicts revealed.');

    await plain.locator('button.guess.blocked').click();
    await plain.locator('button.reveal').click();
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.dataset.verdict === 'allowed',
      card('plain-get'),
    );

    expect(await plain.locator('.guessed').textContent()).toBe('The room guessed blocked: wrong.');
    expect(await plain.locator('.exchange').count()).toBe(1);
    expect(await page.textContent('#summary')).toBe(
      'Predict first: 1 of 4 verdicts revealed; the room guessed 0 of 1 right.',
    );
    await page.context().close();
  });
});

describe('on a projector: 1024 px wide at 150% zoom', () => {
  it('stacks the columns, keeps the page within the screen, and breaks no word across lines', async () => {
    const page = await newPage({ viewport: { width: 683, height: 512, deviceScaleFactor: 1.5 } });
    const layout = await page.evaluate(() => {
      const columns = document.querySelector('.call .columns');
      const broken = [];
      const walker = document.createTreeWalker(document.querySelector('#chapters'), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
      }
      return {
        tracks: getComputedStyle(columns).gridTemplateColumns.split(' ').length,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        broken,
      };
    });

    expect(layout).toEqual({ tracks: 1, overflow: 0, broken: [] });
    await page.context().close();
  });
});

describe('live reload', () => {
  it("runs a chapter's calls again when an edit of its handler is served, and serves a refused chapter once fixed", async () => {
    const { page, workshop } = opened;
    workshop.watch({ service });
    fixture.edit(
      'chapters/01-fixture/handlers/hello.ts',
      "headers: { 'Access-Control-Allow-Origin': '*' },",
      '',
    );
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.dataset.verdict === 'blocked',
      card('plain-get'),
      { timeout: 60_000 },
    );

    expect(await page.getAttribute(card('plain-get'), 'data-match')).toBe('bad');
    // The sections other modules add to the cards: cors-doctor explains the blocked call.
    expect(
      await page
        .locator(`${card('plain-get')} section.extra-doctor h4`)
        .first()
        .textContent(),
    ).toBe('cors-doctor');
    expect(await page.textContent(`${card('plain-get')} .mismatches li`)).toMatch(
      /^the lesson says the browser allows the call, but it was blocked: No 'Access-Control-Allow-Origin' header/,
    );

    fixture.edit(
      'chapters/01-fixture/handlers/hello.ts',
      'statusCode: 200,',
      "statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*' },",
    );
    fixture.edit(
      'chapters/02-refused/lib/refused-stack.ts',
      'const DECLARED = false;',
      'const DECLARED = true;',
    );
    await page.waitForFunction(() => document.body.dataset.summary === 'ok', null, { timeout: 90_000 });

    expect(await page.textContent('#summary')).toBe('4 of 4 calls behave as their lessons predict.');
    expect(await page.isVisible('#problems')).toBe(false);
  });
});
