// The lab page: runs every chapter's lab.json calls from the origins they name, and shows, side by side, the
// browser's verdict and the exchanges the gateway reported on /events. The checks and the fetch() itself
// come from @cors-workshop/testing, so the page runs the same code as the browser tests.

import { doctorPane } from '/blocked-call-fix.js';
import { checkLabCall } from '/lib/check-lab-call.js';
import { pageCallRequest, taggedUrl, tagOf } from '/lib/page-call.js';

const FRAME_TIMEOUT_MS = 10_000;
const CALL_TIMEOUT_MS = 30_000;
const LOG_ROWS = 100;

/** Request headers every browser adds; the gateway pane folds them away. */
const BROWSER_NOISE = new Set([
  'host',
  'connection',
  'pragma',
  'cache-control',
  'user-agent',
  'accept',
  'accept-encoding',
  'accept-language',
  'referer',
  'content-length',
  'priority',
]);

const STATUS_TEXT = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const state = {
  labOrigin: window.location.origin,
  chapters: [],
  /** chapter folder/call id → the latest run of the call */
  runs: new Map(),
  /** tag → the exchanges the gateway reported for it */
  exchanges: new Map(),
  /** tag → chapter folder/call id */
  keys: new Map(),
  prefix: Math.random().toString(36).slice(2, 6),
  count: 0,
  running: false,
};

const $ = (selector) => document.querySelector(selector);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const keyOf = (chapter, call) => `${chapter.folder}/${call.id}`;
const cardId = (key) => `call-${key.replace('/', '-')}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- the gateway's exchanges -------------------------------------------------------------------------

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
      if (key !== undefined && state.runs.get(key)?.tag === tag) renderCard(key);
    });
  });
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

// ---- the frames that make the calls ------------------------------------------------------------------

const frames = new Map();
const replies = new Map();
let nextId = 0;

window.addEventListener('message', (event) => {
  const data = event.data ?? {};
  if (typeof data.ready === 'string' && data.ready === event.origin) {
    frames.get(event.origin)?.resolve();
    return;
  }
  const reply = replies.get(data.id);
  if (reply === undefined || reply.origin !== event.origin) return;
  replies.delete(data.id);
  reply.resolve(data);
});

function frameFor(origin) {
  let frame = frames.get(origin);
  if (frame === undefined) {
    let resolve;
    const ready = new Promise((done) => {
      resolve = done;
    });
    const iframe = el('iframe', { src: `${origin}/runner.html`, title: `runner on ${origin}` });
    $('#frames').append(iframe);
    const timeout = sleep(FRAME_TIMEOUT_MS).then(() => {
      throw new Error(`the page on ${origin} did not load; is the lab serving that origin?`);
    });
    frame = { iframe, resolve, ready: Promise.race([ready, timeout]) };
    frames.set(origin, frame);
  }
  return frame;
}

async function callFrom(origin, request) {
  const frame = frameFor(origin);
  await frame.ready;
  const id = ++nextId;
  const answer = new Promise((resolve) => replies.set(id, { origin, resolve }));
  frame.iframe.contentWindow.postMessage({ id, request }, origin);
  const timeout = sleep(CALL_TIMEOUT_MS).then(() => ({
    error: `no answer within ${CALL_TIMEOUT_MS / 1000} s`,
  }));
  const data = await Promise.race([answer, timeout]);
  if (data.error) throw new Error(data.error);
  return data.result;
}

// ---- running the calls -------------------------------------------------------------------------------

async function runCall(chapter, call) {
  const key = keyOf(chapter, call);
  const api = chapter.apis.find((candidate) => candidate.logicalId === call.api);
  if (api === undefined) {
    state.runs.set(key, { status: 'error', error: `the chapter serves no API ${call.api}` });
    renderCard(key);
    return;
  }
  state.count += 1;
  const tag = `${state.prefix}-${state.count}`;
  const url = taggedUrl(api.url, call, tag);
  state.keys.set(tag, key);
  state.runs.set(key, { status: 'running', tag, url, apiUrl: api.url });
  renderCard(key);
  try {
    const result = await callFrom(call.origin, pageCallRequest(call, url));
    // The gateway reports an exchange as it answers, so it is usually here already; give it a moment.
    await sleep(150);
    state.runs.set(key, { status: 'done', tag, url, apiUrl: api.url, result });
  } catch (error) {
    state.runs.set(key, { status: 'error', tag, url, apiUrl: api.url, error: error.message });
  }
  renderCard(key);
}

async function runAll() {
  state.running = true;
  $('#run-again').disabled = true;
  document.body.dataset.state = 'running';
  for (const chapter of state.chapters) {
    for (const call of chapter.calls) await runCall(chapter, call);
  }
  state.running = false;
  $('#run-again').disabled = false;
  document.body.dataset.state = 'done';
  renderSummary();
}

// ---- rendering ---------------------------------------------------------------------------------------

function checkOf(chapter, call) {
  const run = state.runs.get(keyOf(chapter, call));
  if (run?.status !== 'done') return undefined;
  return checkLabCall(call, { result: run.result, exchanges: state.exchanges.get(run.tag) ?? [] });
}

function renderSummary() {
  let total = 0;
  let done = 0;
  let matching = 0;
  for (const chapter of state.chapters) {
    let chapterMatching = 0;
    let chapterDone = 0;
    for (const call of chapter.calls) {
      total += 1;
      const check = checkOf(chapter, call);
      if (check === undefined) continue;
      done += 1;
      chapterDone += 1;
      if (check.mismatches.length === 0) {
        matching += 1;
        chapterMatching += 1;
      }
    }
    const badge = document.getElementById(`tally-${chapter.folder}`);
    if (badge) {
      const finished = chapter.calls.length > 0 && chapterDone === chapter.calls.length;
      badge.textContent =
        chapter.calls.length === 0
          ? ''
          : `${chapterMatching} of ${chapter.calls.length} as the lesson predicts`;
      badge.className = `tally ${finished ? (chapterMatching === chapterDone ? 'ok' : 'bad') : ''}`;
    }
  }
  const summary = $('#summary');
  summary.textContent =
    done < total
      ? `Running ${done + 1} of ${total} calls …`
      : `${matching} of ${total} calls behave as their lessons predict.`;
  summary.className = done < total ? '' : matching === total ? 'ok' : 'bad';
}

function renderChapters() {
  const toc = $('#toc');
  const main = $('#chapters');
  toc.replaceChildren(
    ...state.chapters.map((chapter) => el('a', { href: `#chapter-${chapter.folder}` }, chapter.folder)),
  );
  main.replaceChildren(
    ...state.chapters.map((chapter) =>
      el(
        'section',
        { class: 'chapter', id: `chapter-${chapter.folder}` },
        el(
          'header',
          {},
          el('h2', {}, el('span', { class: 'folder' }, chapter.folder), ' ', chapter.title),
          el('span', { id: `tally-${chapter.folder}`, class: 'tally' }, ''),
        ),
        el(
          'p',
          { class: 'apis' },
          chapter.apis.map((api) =>
            el(
              'span',
              { class: 'api' },
              el('b', {}, api.kind),
              ' ',
              api.logicalId,
              ' ',
              el('code', {}, api.url),
            ),
          ),
          ' · the lesson: ',
          el('code', {}, chapter.readme),
        ),
        chapter.error &&
          el('p', { class: 'refused' }, `The local gateway refuses to serve this chapter: ${chapter.error}`),
        chapter.calls.length === 0 &&
          !chapter.error &&
          el(
            'p',
            { class: 'hint' },
            `No calls yet: add chapters/${chapter.folder}/lab.json to show this chapter's calls here.`,
          ),
        chapter.calls.map((call) => el('article', { class: 'call', id: cardId(keyOf(chapter, call)) })),
      ),
    ),
  );
  for (const chapter of state.chapters) {
    for (const call of chapter.calls) renderCard(keyOf(chapter, call));
  }
}

function renderCard(key) {
  const [folder, id] = key.split('/');
  const chapter = state.chapters.find((candidate) => candidate.folder === folder);
  const call = chapter?.calls.find((candidate) => candidate.id === id);
  const card = document.getElementById(cardId(key));
  if (!call || !card) return;
  const run = state.runs.get(key);
  const check = checkOf(chapter, call);
  const verdict = run?.status === 'done' ? run.result.verdict : (run?.status ?? 'waiting');
  card.className = `call ${verdict}`;
  card.replaceChildren(
    el(
      'header',
      {},
      el('h3', {}, call.title),
      check &&
        el(
          'span',
          { class: `match ${check.mismatches.length === 0 ? 'ok' : 'bad'}` },
          check.mismatches.length === 0 ? '✓ as the lesson predicts' : '✗ not what the lesson predicts',
        ),
    ),
    el(
      'div',
      { class: 'columns' },
      el(
        'section',
        { class: 'the-call' },
        el('h4', {}, 'The call, from ', el('code', {}, call.origin)),
        el(
          'pre',
          { class: 'code' },
          fetchSnippet(call, run?.apiUrl ?? chapter.apis.find((api) => api.logicalId === call.api)?.url),
        ),
        el('p', { class: 'why' }, call.why),
      ),
      el(
        'section',
        { class: 'browser' },
        el('h4', {}, 'The browser'),
        browserPane(call, run, check),
        doctorPane(chapter.folder, call, run),
      ),
      el('section', { class: 'gateway' }, el('h4', {}, 'The gateway saw'), gatewayPane(run)),
    ),
  );
  renderSummary();
}

function fetchSnippet(call, apiUrl) {
  const url = apiUrl ? new URL(call.path, apiUrl).href : call.path;
  const options = [];
  if (call.method !== 'GET') options.push(`method: '${call.method}'`);
  const headers = Object.entries(call.headers);
  if (headers.length > 0) {
    options.push(`headers: { ${headers.map(([name, value]) => `'${name}': '${value}'`).join(', ')} }`);
  }
  if (call.body !== undefined) options.push(`body: '${call.body}'`);
  if (call.credentials !== 'same-origin') options.push(`credentials: '${call.credentials}'`);
  return options.length === 0 ? `fetch('${url}')` : `fetch('${url}', {\n  ${options.join(',\n  ')},\n})`;
}

function browserPane(call, run, check) {
  if (run === undefined) return el('p', { class: 'pending' }, 'Waiting to run.');
  if (run.status === 'running') return el('p', { class: 'pending' }, 'Running …');
  if (run.status === 'error')
    return el('p', { class: 'refused' }, `The lab could not make the call: ${run.error}`);
  const { result } = run;
  const predicted = call.expect.verdict;
  return [
    result.verdict === 'allowed'
      ? [
          el('p', { class: 'badge allowed' }, 'Allowed'),
          el(
            'p',
            {},
            'The page read ',
            el('b', {}, result.status),
            ' ',
            el('code', { class: 'body' }, result.body || '(empty body)'),
          ),
          Object.entries(result.headers).map(([name, value]) =>
            el(
              'p',
              { class: 'readable' },
              'and the header ',
              el('code', {}, `${name}: ${value ?? '(hidden from the page)'}`),
            ),
          ),
        ]
      : [
          el('p', { class: 'badge blocked' }, 'Blocked'),
          el(
            'p',
            {},
            el('code', {}, 'fetch()'),
            ' rejected with ',
            el('code', {}, result.error),
            ': the page learns nothing more.',
          ),
        ],
    check &&
      el(
        'p',
        { class: 'reason' },
        el('b', {}, result.verdict === 'blocked' ? 'Why: ' : 'How: '),
        check.explanation.reason,
        result.verdict === 'blocked'
          ? el('span', { class: 'hint' }, " (Chromium's console says the same)")
          : undefined,
      ),
    el(
      'p',
      { class: 'lesson' },
      `The lesson predicts: ${predicted}`,
      call.expect.status === undefined ? '' : `, status ${call.expect.status}`,
      '.',
    ),
    check &&
      check.mismatches.length > 0 &&
      el(
        'ul',
        { class: 'mismatches' },
        check.mismatches.map((text) => el('li', {}, text)),
      ),
  ];
}

function gatewayPane(run) {
  if (run?.tag === undefined) return el('p', { class: 'pending' }, '…');
  const exchanges = state.exchanges.get(run.tag) ?? [];
  if (exchanges.length === 0) {
    return el(
      'p',
      { class: 'pending' },
      run.status === 'running' ? '…' : 'Nothing: the browser sent no request.',
    );
  }
  return exchanges.map((exchange) => {
    const shown = exchange.request.headers.filter(([name]) => !isNoise(name));
    const folded = exchange.request.headers.filter(([name]) => isNoise(name));
    return el(
      'div',
      { class: 'exchange' },
      el(
        'pre',
        { class: 'request' },
        el('b', {}, `${exchange.request.method} ${exchange.request.url} HTTP/1.1`),
        '\n',
        shown.map(([name, value]) => headerLine(name, value)),
        exchange.request.body && ['\n', exchange.request.body, '\n'],
      ),
      folded.length > 0 &&
        el(
          'details',
          {},
          el('summary', {}, `${folded.length} more request headers the browser adds`),
          el(
            'pre',
            {},
            folded.map(([name, value]) => `${name}: ${value}\n`),
          ),
        ),
      el(
        'pre',
        { class: `response status-${String(exchange.response.status)[0]}xx` },
        el('b', {}, `HTTP/1.1 ${exchange.response.status} ${STATUS_TEXT[exchange.response.status] ?? ''}`),
        el('span', { class: 'by' }, `   ${exchange.integration}, ${exchange.durationMs} ms`),
        '\n',
        exchange.response.headers.map(([name, value]) => headerLine(name, value)),
        exchange.response.body && ['\n', exchange.response.body],
      ),
    );
  });
}

function isNoise(name) {
  const lower = name.toLowerCase();
  return BROWSER_NOISE.has(lower) || lower.startsWith('sec-');
}

function headerLine(name, value) {
  const lower = name.toLowerCase();
  const cors = lower.startsWith('access-control-') || lower === 'origin' || lower === 'vary';
  return cors ? [el('mark', {}, `${name}: ${value}`), '\n'] : `${name}: ${value}\n`;
}

// ---- start -------------------------------------------------------------------------------------------

async function loadChapters() {
  for (;;) {
    const response = await fetch('/chapters.json', { cache: 'no-store' });
    if (response.ok) return response.json();
    $('#summary').textContent = 'The workshop is still starting …';
    await sleep(1000);
  }
}

async function main() {
  await connectEvents();
  const data = await loadChapters();
  state.labOrigin = data.labOrigin;
  state.chapters = data.chapters;
  $('#lab-origin').textContent = data.labOrigin;
  renderChapters();
  $('#run-again').addEventListener('click', () => {
    if (!state.running) runAll();
  });
  await runAll();
}

main().catch((error) => {
  $('#summary').textContent = `The lab failed: ${error.message}`;
  $('#summary').className = 'bad';
  document.body.dataset.state = 'failed';
});
