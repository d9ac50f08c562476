import { describe, expect, it } from 'vitest';
import { parseVelocity } from '../../src/vtl/parse-velocity.js';
import { locatedEvaluationError, TemplateEvaluationError } from '../../src/vtl/template-evaluation-error.js';
import type { VelocityNode } from '../../src/vtl/velocity-ast.js';

/** The first node of a parsed template. */
const firstNode = (source: string): VelocityNode => parseVelocity(source, 'test')[0] as VelocityNode;

describe('TemplateEvaluationError', () => {
  it('keeps the message, the position, the reference and the cause it was given', () => {
    const cause = new Error('index 3 is out of range');
    const error = new TemplateEvaluationError('boom', { first_line: 2, first_column: 4 }, '$a.get(3)', {
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TemplateEvaluationError');
    expect(error.message).toBe('boom');
    expect(error.pos).toEqual({ first_line: 2, first_column: 4 });
    expect(error.reference).toBe('$a.get(3)');
    expect(error.cause).toBe(cause);
  });
});

describe('locatedEvaluationError', () => {
  it('gives an error thrown at a reference the reference’s text and position', () => {
    const reference = parseVelocity('x\n  $list.get(3)', 'test')[1] as VelocityNode;
    const cause = new RangeError('index 3 is out of range for a list of 1');
    const error = locatedEvaluationError(cause, reference);
    expect(error).toBeInstanceOf(TemplateEvaluationError);
    expect(error.message).toBe('index 3 is out of range for a list of 1');
    expect(error.reference).toBe('$list.get(3)');
    expect(error.pos).toMatchObject({ first_line: 2, first_column: 2 });
    expect(error.cause).toBe(cause);
  });

  it('gives an error thrown at a directive its position but no reference', () => {
    const error = locatedEvaluationError(new Error('no'), firstNode('#set($a = $b.c())'));
    expect(error.reference).toBeUndefined();
    expect(error.pos).toMatchObject({ first_line: 1, first_column: 0 });
  });

  it('turns a thrown value that is not an Error into its text', () => {
    const error = locatedEvaluationError('stopped', firstNode('$a'));
    expect(error.message).toBe('stopped');
    expect(error.cause).toBe('stopped');
  });

  it('returns an error that is already located as it is, so the innermost position wins', () => {
    const inner = locatedEvaluationError(new Error('inner'), firstNode('$inner'));
    expect(locatedEvaluationError(inner, firstNode('#set($a = 1)'))).toBe(inner);
  });
});
