import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../src/send-request.js';
import { type LocalServer, startLocalServer } from './fixtures/local-server.js';

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((request, response, body) => {
    if (request.url === '/empty') {
      response.writeHead(204, ['x-amzn-RequestId', 'abc', 'Access-Control-Allow-Origin', '*']);
      response.end();
      return;
    }
    response.writeHead(201, 'Made It', [
      'x-amzn-RequestId',
      'req-1',
      'Content-Type',
      'application/json',
      'Set-Cookie',
      'a=1',
      'Set-Cookie',
      'b=2',
    ]);
    response.end(JSON.stringify({ echoed: body, origin: request.headers.origin ?? null }));
  });
});

afterAll(() => server.close());

describe('sendRequest', () => {
  it('keeps the response headers in the order and the spelling the server wrote them', async () => {
    const { response } = await sendRequest(server.url, { method: 'GET' });

    expect(response.headers.slice(0, 4)).toEqual([
      ['x-amzn-RequestId', 'req-1'],
      ['Content-Type', 'application/json'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ]);
    expect(response.headers.map(([name]) => name)).toContain('Date');
  });

  it('records the status code, the reason phrase and the body', async () => {
    const { response } = await sendRequest(server.url, { method: 'POST', body: 'hello' });

    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Made It');
    expect(response.body).toBe('{"echoed":"hello","origin":null}');
  });

  it('sends the given headers and body, and records them as the request', async () => {
    const url = `${server.url}path?x=1`;
    const { request } = await sendRequest(url, {
      method: 'PUT',
      headers: { Origin: 'http://localhost:5173', 'X-Custom': 'yes' },
      body: '{}',
    });

    const last = server.received.at(-1)!;
    expect(last.method).toBe('PUT');
    expect(last.url).toBe('/path?x=1');
    expect(last.rawHeaders).toEqual(
      expect.arrayContaining(['Origin', 'http://localhost:5173', 'X-Custom', 'yes']),
    );
    expect(last.body).toBe('{}');
    expect(request).toEqual({
      method: 'PUT',
      url,
      headers: [
        ['Origin', 'http://localhost:5173'],
        ['X-Custom', 'yes'],
      ],
      body: '{}',
    });
  });

  it('records an empty body as the empty string', async () => {
    const { response, request } = await sendRequest(`${server.url}empty`, { method: 'OPTIONS' });

    expect(response.status).toBe(204);
    expect(response.statusText).toBe('No Content');
    expect(response.body).toBe('');
    expect(request).not.toHaveProperty('body');
  });

  it('names the URL when the server cannot be reached', async () => {
    const gone = await startLocalServer((_request, response) => response.end());
    await gone.close();

    await expect(sendRequest(gone.url, { method: 'GET' })).rejects.toThrow(`Could not send GET ${gone.url}`);
  });
});
