import { describe, expect, it } from 'vitest';
import { MappingTemplateSyntaxError } from '../../src/vtl/mapping-template-errors.js';
import { parseVelocity } from '../../src/vtl/parse-velocity.js';

const syntaxError = (source: string): MappingTemplateSyntaxError => {
  try {
    parseVelocity(source, 'Origin');
  } catch (error) {
    if (error instanceof MappingTemplateSyntaxError) return error;
    throw error;
  }
  throw new Error(`no syntax error in ${source}`);
};

describe('parseVelocity', () => {
  it('nests blocks as velocityjs does: [opener, ...body]', () => {
    const tree = parseVelocity('a#if($x)b#{else}c#end', 'Origin');
    expect(tree[0]).toBe('a');
    expect(Array.isArray(tree[1])).toBe(true);
    const block = tree[1] as unknown[];
    expect(block.map((item) => (typeof item === 'string' ? item : (item as { type: string }).type))).toEqual([
      'if',
      'b',
      'else',
      'c',
    ]);
  });

  it('swallows the line break after a directive line', () => {
    expect(parseVelocity('#set($a = 1)\nnext', 'Origin')).toEqual([
      expect.objectContaining({ type: 'set' }),
      'next',
    ]);
  });

  it('reports a lexical error with its line and, on the first line, its column', () => {
    const error = syntaxError('#set($a = "unterminated)');
    expect(error.line).toBe(1);
    expect(error.column).toBe(11);
    expect(error.reason).toContain('Lexical error on line 1. Unrecognized text.');
  });

  it('names the directive left open and where it starts', () => {
    const error = syntaxError('line\n#foreach($a in $b)\n$a');
    expect(error.message).toBe(
      'Origin: invalid mapping template at line 2, column 1: #foreach is never closed by #end',
    );
  });

  it('refuses #elseif or #else after the #else of the same #if', () => {
    expect(syntaxError('#if($a)x#{else}y#elseif($b)z#end').reason).toBe(
      '#elseif after the #else of this #if',
    );
    expect(syntaxError('#foreach($a in $b)#else#end').reason).toBe('#else outside an #if');
  });

  it('accepts #else after the #end of a nested #if', () => {
    expect(() => parseVelocity('#if($a)#if($b)x#{else}y#end#{else}z#end', 'Origin')).not.toThrow();
  });
});
