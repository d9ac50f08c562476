// The lab's web server: the lab page on http://localhost:3000, a small "runner" page on every origin the
// chapters' lab.json files name (http://localhost:5173, …) that makes the calls from that origin, a
// server-sent-event stream of every exchange the gateways report and of every change of a chapter, and the
// lessons themselves.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoctorEndpoint } from './doctor-endpoint.mjs';
import { REPO_PREFIX, readRepoFile } from './repo-files.mjs';

/** The page's own files: `/lab.js`, `/summary.js`, `/lab.css`, … from public/. */
const PUBLIC_FILE = /^\/([a-z-]+)\.(js|css)$/;
const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/** The modules of @cors-workshop/testing the pages import: the same code the browser tests run. */
const LIB_FILES = new Set(['page-call.js', 'explain-cors.js', 'check-lab-call.js']);

/** Exchange bodies are cut to this many characters on their way to the page. */
const MAX_BODY = 4096;

/**
 * Creates the lab's server. It is not listening yet: call `listen(port)` once per origin.
 *
 * @param {object} options
 * @param {string} options.root - the repository root, whose lessons the lab shows
 * @param {string} options.labOrigin - the lab page's origin, e.g. http://localhost:3000
 * @param {() => object | undefined} options.chapters - what /chapters.json answers; undefined while starting
 */
export function createLabServer({ root, labOrigin, chapters }) {
  const publicDir = fileURLToPath(new URL('./public', import.meta.url));
  // The compiled modules of @cors-workshop/testing that the page imports, wherever the package is installed.
  const libDir = join(dirname(fileURLToPath(import.meta.resolve('@cors-workshop/testing'))), 'lab');
  const streams = new Set();
  const servers = [];
  /** The runner's configuration: who may send it calls, and where the calls may go (the APIs served now). */
  const runnerConfig = () => {
    const apiOrigins = (chapters()?.chapters ?? []).flatMap((chapter) =>
      chapter.apis.map((api) => new URL(api.url).origin),
    );
    return JSON.stringify({ labOrigin, apiOrigins });
  };
  const broadcast = (name, data) => {
    const event = `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const stream of streams) stream.write(event);
  };

  const doctor = createDoctorEndpoint({ root, chapters });

  const handle = (request, response) => {
    const url = new URL(request.url ?? '/', 'http://lab.invalid');
    if (url.pathname === '/doctor' && `http://${request.headers.host}` === labOrigin) {
      void doctor.handle(url, response);
      return;
    }
    const onLab = `http://${request.headers.host ?? ''}` === labOrigin;
    if (url.pathname === '/' && !onLab) {
      // The runner frames only talk to the lab's own origin: send 127.0.0.1:3000 and friends there.
      response.writeHead(302, { Location: `${labOrigin}/` }).end();
      return;
    }
    if (url.pathname === '/') {
      sendFile(response, join(publicDir, 'index.html'), 'text/html; charset=utf-8');
      return;
    }
    if (url.pathname.startsWith(REPO_PREFIX)) {
      // The lessons, on the lab's own origin only (not on the page origins, nor under another host name).
      const file = onLab
        ? readRepoFile(root, url.pathname)
        : { status: 404, type: 'text/plain; charset=utf-8', body: 'Not found\n' };
      response
        .writeHead(file.status, { 'Content-Type': file.type, 'Cache-Control': 'no-store' })
        .end(file.body);
      return;
    }
    if (url.pathname === '/chapters.json') {
      const body = chapters();
      if (body === undefined) {
        response.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' }).end('Starting\n');
        return;
      }
      sendText(response, 200, 'application/json; charset=utf-8', JSON.stringify(body));
      return;
    }
    if (url.pathname === '/events') {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      response.write('event: ready\ndata: {}\n\n');
      streams.add(response);
      request.once('close', () => streams.delete(response));
      return;
    }
    if (url.pathname === '/runner-config.json') {
      sendText(response, 200, 'application/json; charset=utf-8', runnerConfig());
      return;
    }
    if (url.pathname === '/runner.html') {
      const html = readFileSync(join(publicDir, 'runner.html'), 'utf8').replace(
        /(<script type="application\/json" id="config">)[^<]*(<\/script>)/,
        `$1${runnerConfig().replaceAll('<', '\\u003c')}$2`,
      );
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        // Only the lab page may frame a runner: no other site gets to make calls from these origins.
        'Content-Security-Policy': `frame-ancestors ${labOrigin}`,
      });
      response.end(html);
      return;
    }
    if (url.pathname.startsWith('/lib/') && LIB_FILES.has(url.pathname.slice(5))) {
      sendFile(response, join(libDir, url.pathname.slice(5)), 'text/javascript; charset=utf-8');
      return;
    }
    const file = PUBLIC_FILE.exec(url.pathname);
    if (file !== null) {
      sendFile(response, join(publicDir, `${file[1]}.${file[2]}`), TYPES[file[2]]);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    sendText(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
  };

  return {
    /**
     * Listens on 127.0.0.1:port (0: a free one); rejects with the listen error (EADDRINUSE when taken).
     * @returns {Promise<number>} the port
     */
    listen(port) {
      const server = createServer(handle);
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          servers.push(server);
          resolve(server.address().port);
        });
      });
    },

    /**
     * Sends one gateway exchange, labelled with its chapter, to every open lab page, with the pipeline
     * stages the gateway logged for it (the rendered templates, the function's own headers).
     */
    publish(chapter, exchange, stages = {}) {
      doctor.record(exchange);
      if (streams.size === 0) return;
      const trimmed = {
        ...exchange,
        chapter,
        request: { ...exchange.request, body: cut(exchange.request.body) },
        response: { ...exchange.response, body: cut(exchange.response.body) },
        stages: {
          ...stages,
          ...(stages.requestTemplate === undefined ? {} : { requestTemplate: cut(stages.requestTemplate) }),
          ...(stages.responseTemplate === undefined
            ? {}
            : { responseTemplate: cut(stages.responseTemplate) }),
        },
      };
      broadcast('exchange', trimmed);
    },

    /** Tells every open lab page that a chapter changed: reloaded, refused, failing, synthesizing. */
    publishChapter(chapter) {
      broadcast('chapter', chapter);
    },

    /** Ends the event streams and closes every listener. */
    async close() {
      for (const stream of streams) stream.end();
      streams.clear();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

function cut(body) {
  return body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}… (${body.length} characters)` : body;
}

function sendText(response, status, type, body) {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
}

function sendFile(response, path, type) {
  let body;
  try {
    body = readFileSync(path);
  } catch {
    sendText(response, 404, 'text/plain; charset=utf-8', `Not found: ${path}; run pnpm start to build it\n`);
    return;
  }
  response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
}
