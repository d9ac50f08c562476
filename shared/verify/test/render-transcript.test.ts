import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../src/recorded-exchange.js';
import { curlCommand, renderExchange, renderTranscript } from '../src/render-transcript.js';

const preflight: RecordedExchange = {
  request: {
    method: 'OPTIONS',
    url: 'http://127.0.0.1:45678/prod/',
    headers: [
      ['Origin', 'http://localhost:5173'],
      ['Access-Control-Request-Method', 'GET'],
    ],
  },
  response: {
    status: 204,
    statusText: 'No Content',
    headers: [
      ['x-amzn-RequestId', '<request-id>'],
      ['Access-Control-Allow-Origin', '*'],
    ],
    body: '',
  },
};

const get: RecordedExchange = {
  request: { method: 'GET', url: 'http://127.0.0.1:45678/prod/', headers: [] },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [['Content-Type', 'application/json']],
    body: '{"state":"ok"}',
  },
};

describe('curlCommand', () => {
  it('shows -X for a method other than GET, and one quoted -H per header', () => {
    expect(curlCommand(preflight.request, 'http://127.0.0.1:3001/prod/')).toBe(
      "curl -i -X OPTIONS -H 'Origin: http://localhost:5173' -H 'Access-Control-Request-Method: GET' http://127.0.0.1:3001/prod/",
    );
  });

  it('leaves -X out for GET', () => {
    expect(curlCommand(get.request, 'http://127.0.0.1:3001/prod/')).toBe(
      'curl -i http://127.0.0.1:3001/prod/',
    );
  });

  it('shows a body with --data-raw, quoting single quotes for the shell', () => {
    const request = { method: 'POST', url: 'http://x/', headers: [], body: `{"name":"O'Hara"}` };

    expect(curlCommand(request, 'http://x/')).toBe(
      `curl -i -X POST --data-raw '{"name":"O'\\''Hara"}' http://x/`,
    );
  });

  it('quotes a URL the shell would otherwise split', () => {
    expect(curlCommand(get.request, 'http://x/a?b=1&c=2')).toBe("curl -i 'http://x/a?b=1&c=2'");
  });
});

describe('renderExchange', () => {
  it('prints the command, the status line and the headers, and nothing after a response without body', () => {
    expect(renderExchange(preflight, 'http://127.0.0.1:3001/prod/')).toBe(
      [
        "$ curl -i -X OPTIONS -H 'Origin: http://localhost:5173' -H 'Access-Control-Request-Method: GET' http://127.0.0.1:3001/prod/",
        'HTTP/1.1 204 No Content',
        'x-amzn-RequestId: <request-id>',
        'Access-Control-Allow-Origin: *',
      ].join('\n'),
    );
  });

  it('prints the body after a blank line, with the URL sent when no other is given', () => {
    expect(renderExchange(get)).toBe(
      [
        '$ curl -i http://127.0.0.1:45678/prod/',
        'HTTP/1.1 200 OK',
        'Content-Type: application/json',
        '',
        '{"state":"ok"}',
      ].join('\n'),
    );
  });
});

describe('renderTranscript', () => {
  it('fences the exchanges as a console block, separated by a blank line', () => {
    expect(renderTranscript(['one', 'two'])).toBe('```console\none\n\ntwo\n```');
  });
});
