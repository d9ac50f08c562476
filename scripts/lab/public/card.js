// A call's card: the call (the fetch() and the lesson's why), the browser's verdict, what the gateway saw
// (with the rendered templates and the function's own headers where the gateway logged them), and any
// section an extension adds (see addCardSection).
import { breakable, el, fill } from './dom.js';

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
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * @typedef {object} CardContext
 * @property {object} chapter - the chapter, as /chapters.json gives it
 * @property {object} call - the call of lab.json
 * @property {object | undefined} run - its latest run: `{ status: 'running' | 'done' | 'error', result?, error? }`
 * @property {{ explanation: { reason: string }, mismatches: string[] } | undefined} check - the run checked
 *   against the lesson, once it is done
 * @property {object[]} exchanges - what the gateway saw for the run
 * @property {boolean} hidden - whether the verdict is hidden ("predict first")
 */

/** Extra sections of every card, in order: `{ id, render(context) → Node | undefined }`. */
const extraSections = [];

/**
 * Adds a section to every call's card, after the three columns; `render` returns nothing to leave a card
 * without it (e.g. an explanation of a blocked call only). The lab calls it again whenever the card changes.
 *
 * @param {{ id: string, render: (context: CardContext) => Node | Node[] | undefined }} section
 */
export function addCardSection(section) {
  extraSections.push(section);
}

/**
 * Renders a card into `card`.
 * @param {HTMLElement} card
 * @param {CardContext & { predict: object | undefined, onRun: () => void }} context - with `predict` (the
 *   guess and reveal handlers, in "predict first" mode) and the Run button's handler
 */
export function renderCard(card, context) {
  const { call, run, check, hidden } = context;
  const verdict = run?.status === 'done' ? run.result.verdict : (run?.status ?? 'waiting');
  card.className = `call ${hidden ? 'hidden-verdict' : verdict}`;
  card.dataset.verdict = hidden ? 'hidden' : verdict;
  card.dataset.match = check === undefined || hidden ? '' : check.mismatches.length === 0 ? 'ok' : 'bad';
  const extras = hidden
    ? []
    : extraSections
        .map((section) => {
          const content = section.render(context);
          return content && el('section', { class: `extra extra-${section.id}` }, content);
        })
        .filter(Boolean);
  fill(
    card,
    el(
      'header',
      {},
      el('h3', {}, hidden ? neutralTitle(call) : call.title),
      el(
        'div',
        { class: 'card-actions' },
        !hidden &&
          check &&
          el(
            'span',
            { class: `match ${check.mismatches.length === 0 ? 'ok' : 'bad'}` },
            check.mismatches.length === 0 ? '✓ as the lesson predicts' : '✗ not what the lesson predicts',
          ),
        // While the verdict is hidden, Reveal runs the call.
        !hidden &&
          el(
            'button',
            { type: 'button', class: 'run', disabled: run?.status === 'running', onclick: context.onRun },
            run?.status === 'running' ? 'Running …' : 'Run',
          ),
      ),
    ),
    el(
      'div',
      { class: 'columns' },
      el('section', { class: 'the-call' }, callPane(context)),
      el(
        'section',
        { class: 'browser' },
        el('h4', {}, 'The browser'),
        hidden ? predictPane(context) : browserPane(context),
      ),
      el('section', { class: 'gateway' }, el('h4', {}, 'The gateway saw'), gatewayPane(context)),
    ),
    extras,
  );
}

/** A title that names the call without giving its verdict away. */
function neutralTitle(call) {
  const extras = [
    ...Object.keys(call.headers).map((name) => `an ${name} header`),
    ...(call.body === undefined ? [] : ['a body']),
    ...(call.credentials === 'include' ? ['credentials'] : []),
  ];
  return `${call.method} /${call.path} from ${call.origin}${extras.length > 0 ? `, with ${extras.join(' and ')}` : ''}: allowed or blocked?`;
}

function callPane({ chapter, call, run, hidden }) {
  const apiUrl = run?.apiUrl ?? chapter.apis.find((api) => api.logicalId === call.api)?.url;
  return [
    el('h4', {}, 'The call, from ', el('code', {}, call.origin)),
    el('pre', { class: 'code' }, fetchSnippet(call, apiUrl)),
    !hidden && el('p', { class: 'why' }, call.why),
  ];
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
  return breakable(
    options.length === 0 ? `fetch('${url}')` : `fetch('${url}', {\n  ${options.join(',\n  ')},\n})`,
  );
}

function predictPane({ predict }) {
  return [
    el('p', { class: 'question' }, 'What will the browser do? Guess, then reveal.'),
    el(
      'div',
      { class: 'guesses' },
      ['allowed', 'blocked'].map((verdict) =>
        el(
          'button',
          {
            type: 'button',
            class: `guess ${verdict}${predict.guess === verdict ? ' chosen' : ''}`,
            'aria-pressed': String(predict.guess === verdict),
            onclick: () => predict.onGuess(verdict),
          },
          verdict === 'allowed' ? 'Allowed' : 'Blocked',
        ),
      ),
      el('button', { type: 'button', class: 'reveal', onclick: predict.onReveal }, 'Reveal'),
    ),
  ];
}

function browserPane({ call, run, check, predict }) {
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
            el('code', { class: 'body' }, result.body ? breakable(result.body) : '(empty body)'),
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
    predict?.guess &&
      el(
        'p',
        { class: `guessed ${predict.guess === result.verdict ? 'ok' : 'bad'}` },
        `The room guessed ${predict.guess}: ${predict.guess === result.verdict ? 'right' : 'wrong'}.`,
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

function gatewayPane({ run, exchanges, hidden }) {
  if (hidden) return el('p', { class: 'pending' }, 'Shown with the verdict.');
  if (run?.tag === undefined) return el('p', { class: 'pending' }, '…');
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
    const stages = exchange.stages ?? {};
    return el(
      'div',
      { class: 'exchange' },
      el(
        'pre',
        { class: 'request' },
        el('b', {}, `${exchange.request.method} ${exchange.request.url} HTTP/1.1`),
        '\n',
        shown.map(([name, value]) => headerLine(name, value)),
        exchange.request.body && ['\n', breakable(exchange.request.body), '\n'],
      ),
      folded.length > 0 &&
        el(
          'details',
          {},
          el('summary', {}, `${folded.length} more request headers the browser adds`),
          el(
            'pre',
            {},
            folded.map(([name, value]) => [breakable(`${name}: ${value}`), '\n']),
          ),
        ),
      stages.requestTemplate !== undefined && stage('The request template rendered', stages.requestTemplate),
      stages.functionHeaders !== undefined &&
        functionHeaders(stages.functionHeaders, exchange.response.headers),
      stages.responseTemplate !== undefined &&
        stage('The response template rendered', stages.responseTemplate),
      el(
        'pre',
        { class: `response status-${String(exchange.response.status)[0]}xx` },
        el('b', {}, `HTTP/1.1 ${exchange.response.status} ${STATUS_TEXT[exchange.response.status] ?? ''}`),
        el('span', { class: 'by' }, `   ${exchange.integration}, ${exchange.durationMs} ms`),
        '\n',
        exchange.response.headers.map(([name, value]) => headerLine(name, value)),
        exchange.response.body && ['\n', breakable(exchange.response.body)],
      ),
    );
  });
}

/** A pipeline stage the gateway logged: the output of a mapping template. */
function stage(title, text) {
  return el(
    'div',
    { class: 'stage' },
    el('h5', {}, title),
    el('pre', {}, text === '' ? '(empty)' : breakable(text)),
  );
}

/**
 * The headers the function returned, as API Gateway read them, when they differ from what it sent: an HTTP
 * API with a CorsConfiguration replaces the function's Access-Control-* headers with its own.
 */
function functionHeaders(headers, sent) {
  const sentLines = new Set(sent.map(([name, value]) => `${name.toLowerCase()}: ${value}`));
  const replaced = headers.filter(([name, value]) => !sentLines.has(`${name.toLowerCase()}: ${value}`));
  return el(
    'div',
    { class: 'stage' },
    el('h5', {}, 'The function answered with'),
    el(
      'pre',
      {},
      headers.map(([name, value]) =>
        replaced.some(([other]) => other === name)
          ? [el('del', { title: 'replaced by API Gateway' }, breakable(`${name}: ${value}`)), '\n']
          : headerLine(name, value),
      ),
    ),
    replaced.length > 0 &&
      el(
        'p',
        { class: 'hint' },
        'Struck out: what API Gateway replaced. With a CorsConfiguration, the HTTP API sends its own CORS headers instead of the function’s.',
      ),
  );
}

function isNoise(name) {
  const lower = name.toLowerCase();
  return BROWSER_NOISE.has(lower) || lower.startsWith('sec-');
}

function headerLine(name, value) {
  const lower = name.toLowerCase();
  const cors = lower.startsWith('access-control-') || lower === 'origin' || lower === 'vary';
  const text = breakable(`${name}: ${value}`);
  return cors ? [el('mark', {}, text), '\n'] : [text, '\n'];
}
