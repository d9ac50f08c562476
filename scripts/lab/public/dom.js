// Small DOM helpers of the lab page.

/** `document.querySelector`. */
export const $ = (selector) => document.querySelector(selector);

/**
 * An element with attributes (`class`, `data-*`, booleans as empty attributes, `on<event>` as listeners)
 * and children (nodes, strings; nested arrays, `undefined`, `null` and `false` are flattened away). Strings
 * wrap between tokens only (see {@link breakable}).
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false || value === null) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...nodes(children));
  return node;
}

/** Replaces the children of `node`, children given as to {@link el}. */
export function fill(node, ...children) {
  node.replaceChildren(...nodes(children));
  return node;
}

function nodes(children) {
  return children
    .flat(Number.POSITIVE_INFINITY)
    .filter((child) => child !== undefined && child !== null && child !== false)
    .flatMap((child) => (child instanceof Node ? [child] : breakable(child)));
}

/** Where a long value may wrap between tokens: after `,`, `;`, `&`, and a `/` that is not part of `//`. */
const BREAK_AFTER = /(?<=[,;&])|(?<=\/)(?!\/)/;

/**
 * A text as nodes that wrap between tokens only. Browsers also wrap after a hyphen, which would cut
 * `Access-Control-Allow-Origin` or `X-Amz-Date` in two: every word with a hyphen is kept on one line, and a
 * long list such as `Content-Type,X-Amz-Date,…` (or a path) may wrap after each comma, semicolon, ampersand
 * (or slash) instead.
 */
export function breakable(text) {
  const out = [];
  for (const part of String(text).split(/(\s+)/)) {
    if (part === '') continue;
    if (/^\s+$/.test(part)) {
      out.push(document.createTextNode(part));
      continue;
    }
    part.split(BREAK_AFTER).forEach((piece, index) => {
      if (index > 0) out.push(document.createElement('wbr'));
      if (!piece.includes('-')) {
        out.push(document.createTextNode(piece));
        return;
      }
      const span = document.createElement('span');
      span.className = 'nobreak';
      span.textContent = piece;
      out.push(span);
    });
  }
  return out;
}
