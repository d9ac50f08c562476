import { describe, expect, it } from 'vitest';
import {
  closeOverrides,
  emptyOverrides,
  OverrideConflictError,
  openOverrides,
} from '../../src/vtl/mapping-overrides.js';
import { renderTemplate } from './render-template.js';

describe('emptyOverrides', () => {
  it('returns one shared, frozen state with nothing overridden', () => {
    const empty = emptyOverrides();
    expect(emptyOverrides()).toBe(empty);
    expect(Object.isFrozen(empty.responseOverride)).toBe(true);
    expect(empty).toEqual({
      requestOverride: { path: {}, header: {}, querystring: {}, custom: {} },
      responseOverride: { header: {}, status: undefined, custom: {} },
    });
  });
});

describe('openOverrides and closeOverrides', () => {
  it('round-trips a state unchanged', () => {
    const state = {
      requestOverride: {
        path: { p: '1' },
        header: { 'X-A': 'a' },
        querystring: { q: 'x' },
        custom: { n: 1 },
      },
      responseOverride: { header: { 'X-B': 'b' }, status: 418, custom: { note: 'n' } },
    };
    const open = openOverrides(state);
    expect(closeOverrides(open.requestOverride, open.responseOverride)).toEqual(state);
  });

  it('lets a later render override again what an earlier render set, once', () => {
    const first = renderTemplate(
      '#set($context.responseOverride.header.foo = "a")#set($context.responseOverride.status = 201)',
    );
    const second = renderTemplate(
      '#set($context.responseOverride.header.foo = "b")#set($context.responseOverride.status = 202)',
      { overrides: first.overrides },
    );
    expect(second.overrides.responseOverride).toEqual({ header: { foo: 'b' }, status: 202, custom: {} });
  });

  it('counts each parameter of each map separately', () => {
    const open = openOverrides(emptyOverrides());
    const header = open.requestOverride.header as Record<string, unknown>;
    const querystring = open.requestOverride.querystring as Record<string, unknown>;
    header.a = '1';
    querystring.a = '1';
    header.b = '1';
    expect(() => {
      header.a = '2';
    }).toThrow(OverrideConflictError);
  });

  it('converts values to text and drops null entries', () => {
    const { overrides } = renderTemplate(
      '#set($context.requestOverride.header.n = 5)#set($m = {})$m.put("x", "y")#set($context.requestOverride.header.m = $m)' +
        '$context.requestOverride.header.put("gone", $null)',
    );
    expect(overrides.requestOverride.header).toEqual({ n: '5', m: '{x=y}' });
  });

  it('keeps other keys of requestOverride for the next template', () => {
    const { overrides } = renderTemplate('#set($context.requestOverride.note = "kept")');
    expect(overrides.requestOverride.custom).toEqual({ note: 'kept' });
  });

  it('reads nothing from override objects a template replaced with something that is not a map', () => {
    const { overrides } = renderTemplate(
      '#set($context.responseOverride = "x")#set($context.requestOverride = 1)',
    );
    expect(overrides).toEqual(emptyOverrides());
  });
});
