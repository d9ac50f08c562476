// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` is Velocity and Java syntax in these strings
/**
 * The Java semantics of API Gateway's Velocity in a mapping template: one test per fact of the API Gateway
 * reference (§3 "The VTL environment"), each named after the fact.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { render } from './render-template.js';

describe('Java semantics (reference §3)', () => {
  it('matches the whole string in String.matches', () => {
    expect(
      render('#set($s = "https://a.example")$s.matches("a.example") $s.matches("https://a.example")'),
    ).toBe('false true');
    expect(render('#set($s = "ab")$s.matches("a|ab")')).toBe('true');
  });

  it('takes a Java regex with $1 group references in replaceAll', () => {
    expect(render('#set($s = "2026-11-25")$s.replaceAll("(\\d+)-(\\d+)-(\\d+)", "$3.$2.$1")')).toBe(
      '25.11.2026',
    );
  });

  it('compares strings by value with ==', () => {
    const template = '#set($a = "b.example")#set($b = "b.$c")#if($a == $b)same#{else}different#end';
    expect(render(template.replace('$c', 'example'))).toBe('same');
    expect(render(template.replace('$c', 'other'))).toBe('different');
  });

  it('renders a null or unknown reference as nothing', () => {
    expect(
      render('[$missing][$missing.deeper][$!missing][${missing}][$input.path("$.x")]', { body: '{}' }),
    ).toBe('[][][][][]');
  });

  it('leaves the target of a #set with a null right-hand side unchanged (Velocity 1.7)', () => {
    expect(render('#set($x = "kept")#set($x = $input.path("$.missing"))$x', { body: '{}' })).toBe('kept');
    expect(render('#set($x = "kept")#set($x = $nothing + 1)$x')).toBe('kept');
  });
});
