import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MappingTemplateSyntaxError } from './mapping-template-errors.js';
import type { VelocityNode, VelocityPosition, VelocityTree } from './velocity-ast.js';

/** The error velocityjs's generated (jison) parser throws. */
interface GrammarError extends Error {
  readonly hash?: { readonly loc?: { readonly first_line: number; readonly last_column: number } };
}

interface VelocityGrammar {
  parse_1(source: string): Array<string | VelocityNode>;
}

/**
 * velocityjs's generated grammar, which yields the flat token list. The package entry point only exports
 * `parse`, which nests blocks leniently: a stray `#end` silently drops the rest of the template, and an
 * `#if` without `#end` duplicates its body. Java Velocity refuses both, so the nesting is redone strictly
 * here. The path is internal to velocityjs 2.1 (pinned in the workspace catalog).
 */
const grammar: VelocityGrammar = (() => {
  const require = createRequire(import.meta.url);
  return require(join(dirname(require.resolve('velocityjs')), 'parse', 'index.cjs')) as VelocityGrammar;
})();

const BLOCK_OPENERS = new Set(['if', 'foreach', 'macro', 'noescape', 'define', 'macro_body']);
/** Text right after a directive that velocityjs (like Java Velocity) swallows: blanks and one newline. */
const LINE_AFTER_DIRECTIVE = /^[ \t]*\n/;

/**
 * Parses a Velocity template into the tree velocityjs's `Compile` renders, refusing what Java Velocity
 * refuses: syntax errors, unbalanced `#end`, and `#else`/`#elseif` outside an `#if`.
 * @param source - the template text
 * @param origin - where the template comes from, for the error message
 * @throws {@link MappingTemplateSyntaxError} naming `origin`, the line and column, and the parser's reason
 */
export function parseVelocity(source: string, origin: string): VelocityTree {
  let tokens: Array<string | VelocityNode>;
  try {
    tokens = grammar.parse_1(source);
  } catch (error) {
    throw grammarError(error as GrammarError, origin);
  }
  swallowNewlinesAfterDirectives(tokens);
  return nest(tokens, origin);
}

/** The whitespace rule of velocityjs's `parse` (its default `ignoreSpace`), applied to the flat tokens. */
function swallowNewlinesAfterDirectives(tokens: Array<string | VelocityNode>): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i];
    if (typeof token !== 'object' || token.type === 'references' || token.type === 'raw') continue;
    const next = tokens[i + 1];
    if (typeof next === 'string' && LINE_AFTER_DIRECTIVE.test(next)) {
      tokens[i + 1] = next.replace(LINE_AFTER_DIRECTIVE, '');
    }
  }
}

function nest(tokens: Array<string | VelocityNode>, origin: string): VelocityTree {
  const root: VelocityTree = [];
  const enclosing: VelocityTree[] = [];
  const withElse = new Set<VelocityTree>();
  let current = root;
  for (const token of tokens) {
    if (typeof token === 'string') {
      current.push(token);
    } else if (BLOCK_OPENERS.has(token.type)) {
      const block: VelocityTree = [token];
      current.push(block);
      enclosing.push(current);
      current = block;
    } else if (token.type === 'end') {
      const parent = enclosing.pop();
      if (!parent) throw nodeError('#end closes no #if, #foreach, #macro or #define', token, origin);
      current = parent;
    } else if (token.type === 'else' || token.type === 'elseif') {
      if (current === root || (current[0] as VelocityNode).type !== 'if') {
        throw nodeError(`#${token.type} outside an #if`, token, origin);
      }
      if (withElse.has(current)) throw nodeError(`#${token.type} after the #else of this #if`, token, origin);
      if (token.type === 'else') withElse.add(current);
      current.push(token);
    } else {
      current.push(token);
    }
  }
  if (current !== root) {
    throw nodeError(
      `${directiveName(current[0] as VelocityNode)} is never closed by #end`,
      current[0] as VelocityNode,
      origin,
    );
  }
  return root;
}

function directiveName(node: VelocityNode): string {
  if (node.type === 'macro_body') return `#@${String(node.id)}`;
  return `#${node.type}`;
}

function nodeError(reason: string, node: VelocityNode, origin: string): MappingTemplateSyntaxError {
  const pos: VelocityPosition | undefined = node.pos;
  return new MappingTemplateSyntaxError(
    origin,
    reason,
    pos?.first_line,
    pos ? pos.first_column + 1 : undefined,
  );
}

/**
 * Turns the jison error into ours. Parse errors carry the location of the last token read; lexical errors
 * only the line, plus a caret under a snippet of the text read so far, which gives the column only on the
 * first line when the snippet was not shortened.
 */
function grammarError(error: GrammarError, origin: string): MappingTemplateSyntaxError {
  const message = String(error?.message ?? error);
  const loc = error?.hash?.loc;
  if (loc) return new MappingTemplateSyntaxError(origin, message, loc.first_line, loc.last_column + 1);
  const line = /on line (\d+)/.exec(message);
  const lines = message.split('\n');
  const lineNumber = line ? Number(line[1]) : undefined;
  const snippet = lines[1] ?? '';
  const caret = lineNumber === 1 && !snippet.startsWith('...') ? /^(-*)\^$/.exec(lines[2] ?? '') : null;
  return new MappingTemplateSyntaxError(
    origin,
    message,
    lineNumber,
    caret ? (caret[1] ?? '').length + 1 : undefined,
  );
}
