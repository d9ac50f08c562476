import { describe, expect, it } from 'vitest';
import { echoAllowedOriginTemplate } from '../lib/echo-allowed-origin-template.js';

describe('echoAllowedOriginTemplate', () => {
  it('writes one line: read Origin (then origin), echo it when listed, then the body', () => {
    expect(echoAllowedOriginTemplate(['https://a.example', 'http://localhost:5173'], '{"x":1}')).toBe(
      '#set($origin = $input.params().header.get("Origin"))' +
        '#if($origin == "")#set($origin = $input.params().header.get("origin"))#end' +
        '#if($origin == "https://a.example" || $origin == "http://localhost:5173")' +
        '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)#end' +
        '{"x":1}',
    );
  });

  it('tests a single origin without any ||', () => {
    const template = echoAllowedOriginTemplate(['https://a.example'], '');

    expect(template).toContain('#if($origin == "https://a.example")');
    expect(template).not.toContain('||');
  });

  it('refuses an empty list', () => {
    expect(() => echoAllowedOriginTemplate([], '')).toThrow(
      'echoAllowedOriginTemplate needs at least one allowed origin, got []',
    );
  });

  it('refuses "*", which is mapped statically rather than echoed', () => {
    expect(() => echoAllowedOriginTemplate(['https://a.example', '*'], '')).toThrow(
      `map "'*'" statically instead of listing "*" in ["https://a.example","*"]`,
    );
  });

  it.each([
    'https://a.example"',
    'https://$a.example',
    'https://a.example#x',
    'https://a.example\\',
    'https://a.example ',
  ])('refuses the origin %j, which would break the template', (origin) => {
    expect(() => echoAllowedOriginTemplate([origin], '')).toThrow(
      `The origin ${JSON.stringify(origin)} cannot be written into a mapping template`,
    );
  });
});
