// The lab page: runs every chapter's lab.json calls from the origins they name, and shows, side by side, the
// browser's verdict and the exchanges the gateway reported on /events. A chapter that is reloaded after an
// edit has its calls run again. The checks and the fetch() itself come from @cors-workshop/testing, so the
// page runs the same code as the browser tests.
import { renderCard } from './card.js';
import { $, el, fill } from './dom.js';
import './extensions.js';
import { checkLabCall } from '/lib/check-lab-call.js';
import { pageCallRequest, taggedUrl, tagOf } from '/lib/page-call.js';
import { callFrom, useFrameContainer } from './frames.js';
import { predictionScore, summarize } from './summary.js';

const LOG_ROWS = 100;
const PREDICT_KEY = 'cors-lab-predict';

const state = {
  labOrigin: window.location.origin,
  chapters: [],
  /** chapter folder/call id → the latest run of the call */
  runs: new Map(),
  /** tag → the exchanges the gateway reported for it */
  exchanges: new Map(),
  /** tag → chapter folder/call id */
  keys: new Map(),
  /** chapter folder → the generation whose calls have run */
  generations: new Map(),
  /** "predict first": chapter folder/call id → { guess, revealed } */
  predictions: new Map(),
  predict: false,
  prefix: Math.random().toString(36).slice(2, 6),
  count: 0,
  /** Calls run one after the other: a chapter's calls may depend on each other (POST, then GET). */
  queue: Promise.resolve(),
  queued: 0,
};

const keyOf = (chapter, call) => `${chapter.folder}/${call.id}`;
const cardId = (key) => `call-${key.replace('/', '-')}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- the gateway's exchanges and the chapters' changes ------------------------------------------------

function connectEvents() {
  return new Promise((resolve) => {
    const events = new EventSource('/events');
    events.addEventListener('ready', () => resolve(events), { once: true });
    events.addEventListener('exchange', (event) => {
      const exchange = JSON.parse(event.data);
      logExchange(exchange);
      const tag = tagOf(exchange.request.url);
      if (tag === undefined) return;
      const list = state.exchanges.get(tag) ?? [];
      list.push(exchange);
      state.exchanges.set(tag, list);
      const key = state.keys.get(tag);
      if (key !== undefined && state.runs.get(key)?.tag === tag) renderCardOf(key);
    });
    events.addEventListener('chapter', (event) => chapterChanged(JSON.parse(event.data)));
  });
}

/** A chapter was reloaded, refused, failed or started synthesizing: show it, and run its calls if new. */
function chapterChanged(chapter) {
  const index = state.chapters.findIndex((candidate) => candidate.folder === chapter.folder);
  if (index === -1) return;
  state.chapters[index] = chapter;
  renderChapter(chapter);
  renderSummary();
  if (chapter.generation !== state.generations.get(chapter.folder) && chapter.apis.length > 0) {
    state.generations.set(chapter.folder, chapter.generation);
    enqueue(() => runChapter(chapter.folder, chapter.generation));
  }
}

function logExchange(exchange) {
  const row = el(
    'tr',
    { class: exchange.response.status >= 400 ? 'error' : undefined },
    el('td', {}, new Date(exchange.receivedAt).toLocaleTimeString()),
    el('td', {}, exchange.chapter),
    el('td', {}, el('code', {}, `${exchange.request.method} ${exchange.request.url}`)),
    el('td', {}, exchange.response.status),
    el('td', {}, exchange.integration),
    el('td', { class: 'number' }, exchange.durationMs),
  );
  const body = $('#log');
  body.prepend(row);
  while (body.children.length > LOG_ROWS) body.lastElementChild.remove();
}

// ---- running the calls ---------------------------------------------------------------------------------

function enqueue(task) {
  state.queued += 1;
  document.body.dataset.state = 'running';
  state.queue = state.queue.then(task).finally(() => {
    state.queued -= 1;
    if (state.queued === 0) document.body.dataset.state = 'done';
    renderSummary();
  });
  return state.queue;
}

function chapterOf(folder) {
  return state.chapters.find((chapter) => chapter.folder === folder);
}

/** Runs a chapter's calls in order; a newer generation of the chapter (another edit) takes over. */
async function runChapter(folder, generation) {
  const chapter = chapterOf(folder);
  for (const call of chapter?.calls ?? []) {
    if (state.generations.get(folder) !== generation) return;
    await runCall(folder, call.id);
  }
}

async function runCall(folder, id) {
  // The chapter as it is now: a reload may have changed its calls or URLs since the run was queued.
  const chapter = chapterOf(folder);
  const call = chapter?.calls.find((candidate) => candidate.id === id);
  if (call === undefined) return;
  const key = keyOf(chapter, call);
  const api = chapter.apis.find((candidate) => candidate.logicalId === call.api);
  if (api === undefined) {
    state.runs.set(key, { status: 'error', error: `the chapter serves no API ${call.api}` });
    renderCardOf(key);
    return;
  }
  state.count += 1;
  const tag = `${state.prefix}-${state.count}`;
  const url = taggedUrl(api.url, call, tag);
  state.keys.set(tag, key);
  state.runs.set(key, { status: 'running', tag, url, apiUrl: api.url });
  renderCardOf(key);
  try {
    const result = await callFrom(call.origin, pageCallRequest(call, url));
    // The gateway reports an exchange as it answers, so it is usually here already; give it a moment. One that
    // comes later still updates the card.
    for (let waited = 0; !state.exchanges.has(tag) && waited < 300; waited += 20) await sleep(20);
    await sleep(20);
    state.runs.set(key, { status: 'done', tag, url, apiUrl: api.url, result });
  } catch (error) {
    state.runs.set(key, { status: 'error', tag, url, apiUrl: api.url, error: error.message });
  }
  renderCardOf(key);
}

function runEverything() {
  for (const chapter of state.chapters) {
    state.generations.set(chapter.folder, chapter.generation);
    enqueue(() => runChapter(chapter.folder, chapter.generation));
  }
}

// ---- what each call came to ----------------------------------------------------------------------------

function checkOf(chapter, call) {
  const run = state.runs.get(keyOf(chapter, call));
  if (run?.status !== 'done') return undefined;
  return checkLabCall(call, { result: run.result, exchanges: state.exchanges.get(run.tag) ?? [] });
}

function outcomeOf(chapter, call) {
  const run = state.runs.get(keyOf(chapter, call));
  if (run === undefined) return 'pending';
  if (run.status === 'running') return 'running';
  if (run.status === 'error') return 'error';
  return checkOf(chapter, call)?.mismatches.length === 0 ? 'match' : 'mismatch';
}

function predictionOf(key) {
  let prediction = state.predictions.get(key);
  if (prediction === undefined) {
    prediction = { guess: undefined, revealed: false };
    state.predictions.set(key, prediction);
  }
  return prediction;
}

// ---- rendering -----------------------------------------------------------------------------------------

function renderSummary() {
  const summary = summarize(state.chapters, outcomeOf);
  const headline = $('#summary');
  if (state.predict) {
    const calls = state.chapters.flatMap((chapter) =>
      chapter.calls.map((call) => {
        const key = keyOf(chapter, call);
        const run = state.runs.get(key);
        return { ...predictionOf(key), verdict: run?.status === 'done' ? run.result.verdict : undefined };
      }),
    );
    headline.textContent = predictionScore(calls).headline;
    headline.className = '';
  } else {
    headline.textContent = summary.headline;
    headline.className = summary.tone === 'running' ? '' : summary.tone;
  }
  document.body.dataset.summary = summary.tone;
  fill(
    $('#problems'),
    ...summary.failing.map((chapter) =>
      el(
        'li',
        {},
        el('a', { href: `#chapter-${chapter.folder}` }, el('b', {}, chapter.folder)),
        ` is failing, so its ${chapter.calls} ${chapter.calls === 1 ? 'call counts' : 'calls count'} as not behaving: `,
        chapter.problem,
      ),
    ),
  );
  $('#problems').hidden = summary.failing.length === 0;
  for (const chapter of state.chapters) {
    const badge = document.getElementById(`tally-${chapter.folder}`);
    if (!badge) continue;
    const own = summarize([chapter], outcomeOf);
    badge.textContent =
      chapter.calls.length === 0 || state.predict
        ? ''
        : `${own.behaving} of ${chapter.calls.length} as the lesson predicts`;
    badge.className = `tally ${own.tone === 'running' ? '' : own.tone}`;
  }
}

function renderChapters() {
  fill(
    $('#toc'),
    ...state.chapters.map((chapter) => el('a', { href: `#chapter-${chapter.folder}` }, chapter.folder)),
  );
  fill(
    $('#chapters'),
    ...state.chapters.map((chapter) => el('section', { class: 'chapter', id: `chapter-${chapter.folder}` })),
  );
  for (const chapter of state.chapters) renderChapter(chapter);
}

function renderChapter(chapter) {
  const section = document.getElementById(`chapter-${chapter.folder}`);
  if (!section) return;
  section.dataset.status = chapter.status;
  fill(
    section,
    el(
      'header',
      {},
      el('h2', {}, el('span', { class: 'folder' }, chapter.folder), ' ', chapter.title),
      el('a', { class: 'lesson-link', href: chapter.lesson, target: '_blank' }, 'the lesson'),
      el('span', { id: `tally-${chapter.folder}`, class: 'tally' }, ''),
      chapter.activity === 'synthesizing' && el('span', { class: 'activity' }, 'synthesizing your edit …'),
    ),
    el(
      'p',
      { class: 'apis' },
      chapter.apis.map((api) =>
        el('span', { class: 'api' }, el('b', {}, api.kind), ' ', api.logicalId, ' ', el('code', {}, api.url)),
      ),
    ),
    chapter.status !== 'serving' &&
      el(
        'p',
        { class: 'refused' },
        `This chapter is failing: ${chapter.problem}`,
        chapter.apis.length > 0 ? ' The calls below ran against the version served before.' : '',
      ),
    chapter.notes.map((note) => el('p', { class: 'note' }, `Note: ${note}`)),
    chapter.calls.length === 0 &&
      chapter.status === 'serving' &&
      el(
        'p',
        { class: 'hint' },
        `No calls yet: add chapters/${chapter.folder}/lab.json to show this chapter's calls here.`,
      ),
    chapter.calls.map((call) => el('article', { class: 'call', id: cardId(keyOf(chapter, call)) })),
  );
  for (const call of chapter.calls) renderCardOf(keyOf(chapter, call));
}

function renderCardOf(key) {
  const [folder, id] = key.split('/');
  const chapter = chapterOf(folder);
  const call = chapter?.calls.find((candidate) => candidate.id === id);
  const card = document.getElementById(cardId(key));
  if (!call || !card) return;
  const run = state.runs.get(key);
  const prediction = predictionOf(key);
  const hidden = state.predict && !prediction.revealed;
  renderCard(card, {
    chapter,
    call,
    run,
    check: checkOf(chapter, call),
    exchanges: run?.tag === undefined ? [] : (state.exchanges.get(run.tag) ?? []),
    hidden,
    predict: state.predict
      ? {
          guess: prediction.guess,
          onGuess: (verdict) => {
            prediction.guess = verdict;
            renderCardOf(key);
          },
          // Revealing runs the call afresh, in front of the room.
          onReveal: () => {
            prediction.revealed = true;
            enqueue(() => runCall(folder, id));
          },
        }
      : undefined,
    onRun: () => enqueue(() => runCall(folder, id)),
  });
  renderSummary();
}

function setPredict(on) {
  state.predict = on;
  document.body.classList.toggle('predicting', on);
  $('#predict').checked = on;
  try {
    localStorage.setItem(PREDICT_KEY, on ? '1' : '0');
  } catch {}
  $('#log-section').open = !on;
  for (const chapter of state.chapters) renderChapter(chapter);
  renderSummary();
}

// ---- start ---------------------------------------------------------------------------------------------

async function loadChapters() {
  for (;;) {
    const response = await fetch('/chapters.json', { cache: 'no-store' });
    if (response.ok) return response.json();
    $('#summary').textContent = 'The workshop is still starting …';
    await sleep(1000);
  }
}

async function main() {
  useFrameContainer($('#frames'));
  await connectEvents();
  const data = await loadChapters();
  state.labOrigin = data.labOrigin;
  state.chapters = data.chapters;
  $('#lab-origin').textContent = data.labOrigin;
  renderChapters();
  const query = new URLSearchParams(window.location.search).get('predict');
  let stored;
  try {
    stored = localStorage.getItem(PREDICT_KEY);
  } catch {}
  setPredict(query === null ? stored === '1' : query !== '0');
  $('#predict').addEventListener('change', (event) => setPredict(event.target.checked));
  $('#run-again').addEventListener('click', runEverything);
  runEverything();
}

main().catch((error) => {
  $('#summary').textContent = `The lab failed: ${error.message}`;
  $('#summary').className = 'bad';
  document.body.dataset.state = 'failed';
});
