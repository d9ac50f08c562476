import { describe, expect, it } from 'vitest';
import { compileMappingTemplate } from '../../src/vtl/index.js';
import { mappingInput, render } from './render-template.js';

describe('ApiGatewayVelocity', () => {
  it('ends the loop at #break without rendering the rest of the iteration', () => {
    expect(render('#foreach($i in [1..5])$i#if($i == 3)#break#end,#end.')).toBe('1,2,3.');
  });

  it('iterates a map’s values and exposes $foreach.first, .last, .count and $velocityCount', () => {
    const template =
      '#set($m = {"a": "x", "b": "y"})#foreach($v in $m)#if($foreach.first)[#end$v$foreach.count$velocityCount#if($foreach.last)]#end#end';
    expect(render(template)).toBe('[x11y22]');
  });

  it('renders nothing for #foreach over null or an empty list', () => {
    expect(render('a#foreach($x in $missing)no#end#foreach($x in [])no#end b')).toBe('a b');
  });

  it('scopes the loop variable to the loop', () => {
    expect(render('#set($x = "outer")#foreach($x in ["inner"])$x#end $x')).toBe('inner outer');
  });

  it('stops the template at #stop() (velocityjs needs the parentheses)', () => {
    expect(render('a#if(true)#stop()#end b')).toBe('a');
  });

  it('runs macros with arguments', () => {
    expect(render('#macro(greet $name)Hello $name!#end#greet("ana") #greet("bo")')).toBe(
      'Hello ana! Hello bo!',
    );
  });

  it('interpolates references and directives in double-quoted strings, not in single-quoted ones', () => {
    expect(render('#set($n = "ana")#set($a = "hi $n")#set($b = \'hi $n\')$a|$b')).toBe('hi ana|hi $n');
  });

  it('parses interpolated strings when the template is compiled', () => {
    expect(() => compileMappingTemplate('#set($a = "#if($x)")', 'Origin')).toThrow(
      /#if is never closed by #end/,
    );
  });

  it('renders #define blocks where referenced', () => {
    expect(render('#define($block)[$v]#end#set($v = 1)$block#set($v = 2)$block')).toBe('[1][2]');
  });

  it('renders nothing for an unknown top-level reference or method', () => {
    expect(render('[$foo()][$toString][$constructor]')).toBe('[][][]');
  });

  it('renders the same compiled template independently for each input', () => {
    const template = compileMappingTemplate('#set($v = $input.params("v"))$v', 'Origin');
    expect(template.render(mappingInput({ querystring: { v: 'one' } })).output).toBe('one');
    expect(template.render(mappingInput({ querystring: {} })).output).toBe('');
  });
});
