// The lessons, as the lab links to them: a chapter's README rendered as a page, and the files it links to
// (handlers, stacks, the gateway's notes) shown as they are. Only the workshop's own files are served.
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import MarkdownIt from 'markdown-it';

/** The URL prefix of the repository's files: `/repo/chapters/01-rest-proxy/README.md`. */
export const REPO_PREFIX = '/repo/';

/** The types of the files the lab shows; anything else is not served. */
const TYPES = {
  '.md': 'text/html; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.mjs': 'text/plain; charset=utf-8',
  '.js': 'text/plain; charset=utf-8',
  '.json': 'text/plain; charset=utf-8',
  '.sh': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.vtl': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// The READMEs are the workshop's own: their HTML comments (the transcript markers) stay comments.
const markdown = new MarkdownIt({ html: true, linkify: false });

/**
 * The lab's URL of a file of the repository.
 * @param {string} path - relative to the repository root, with `/`
 */
export function repoUrl(path) {
  return `${REPO_PREFIX}${path.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Reads a file of the repository for the lab: a Markdown file rendered as a page, others as they are.
 *
 * @param {string} root - the repository root
 * @param {string} urlPath - the URL's path, starting with REPO_PREFIX
 * @returns {{ status: number, type: string, body: string | Buffer }}
 */
export function readRepoFile(root, urlPath) {
  const relative = safeRelativePath(urlPath.slice(REPO_PREFIX.length));
  const type = relative && TYPES[extname(relative).toLowerCase()];
  if (!relative || !type) return notFound(urlPath);
  const file = join(root, relative);
  try {
    if (!statSync(file).isFile()) return notFound(urlPath);
  } catch {
    return notFound(urlPath);
  }
  if (extname(file).toLowerCase() !== '.md') return { status: 200, type, body: readFileSync(file) };
  const text = readFileSync(file, 'utf8');
  const title = /^#\s+(.+)$/m.exec(text)?.[1] ?? relative;
  return { status: 200, type, body: page(title, relative, markdown.render(text)) };
}

/** The path below the root, or undefined when it leaves it or names a hidden or installed file. */
function safeRelativePath(encoded) {
  let decoded;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  const path = normalize(decoded);
  const parts = path.split(sep);
  if (
    path.startsWith(sep) ||
    parts.some((part) => part === '..' || part.startsWith('.') || part === 'node_modules')
  ) {
    return undefined;
  }
  return path;
}

function notFound(urlPath) {
  return { status: 404, type: 'text/plain; charset=utf-8', body: `Not found: ${urlPath}\n` };
}

function page(title, relative, html) {
  const escaped = (text) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escaped(title)} · API Gateway CORS Workshop</title>
    <link rel="stylesheet" href="/lab.css" />
  </head>
  <body class="lesson-page">
    <nav class="lesson-nav"><a href="/">← The lab</a> <code>${escaped(relative)}</code></nav>
    <main class="lesson">
${html}
    </main>
  </body>
</html>
`;
}
