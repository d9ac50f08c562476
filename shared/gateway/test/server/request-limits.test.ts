import { connect } from 'node:net';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { GatewayRequest } from '../../src/server/gateway-request.js';
import {
  PAYLOAD_QUOTA_BYTES,
  REQUEST_HEAD_QUOTA_BYTES,
  URL_QUOTA_CHARACTERS,
} from '../../src/server/request-checks.js';
import { exchangeRaw, sendRaw, serveStub } from './fixtures.js';

const seen: GatewayRequest[] = [];
/** The stub API answers 413 to a refused request and 200 with the body size otherwise. */
const { url, port } = await serveStub((req) => {
  seen.push(req);
  return req.refusal
    ? { status: 413, headers: [['Content-Type', 'text/plain']], body: req.refusal, integration: 'refused' }
    : {
        status: 200,
        headers: [['Content-Type', 'text/plain']],
        body: String(req.body.length),
        integration: 'stub',
      };
});

/** A GET whose request line and headers take exactly `size` bytes. */
function headOfSize(size: number): string {
  const start = 'GET /head HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Fill: ';
  return `${start}${'a'.repeat(size - start.length - 2)}\r\n\r\n`;
}

function statusOf(raw: string): number {
  return Number(raw.slice(9, 12));
}

describe('API Gateway payload quota (10 MB)', () => {
  it('serves a body of exactly 10 MB', async () => {
    const response = await request(`${url}/upload`, {
      method: 'POST',
      body: Buffer.alloc(PAYLOAD_QUOTA_BYTES),
    });
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toBe(String(PAYLOAD_QUOTA_BYTES));
  });

  it('refuses a Content-Length over the quota before the body is sent, and closes the connection', async () => {
    const head = `POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: ${PAYLOAD_QUOTA_BYTES + 1}\r\n\r\n`;
    const { received, closedByServer } = await exchangeRaw(port, `${head}only a little of the body`);
    expect(statusOf(received)).toBe(413);
    expect(received).toMatch(/\r\nConnection: close\r\n/i);
    expect(received.endsWith('payload-too-large')).toBe(true);
    expect(closedByServer).toBe(true);
  });

  it('refuses a streamed body once it passes the quota, without waiting for its end or keeping it', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString('latin1');
        if (received.includes('payload-too-large')) {
          socket.destroy();
          resolve(received);
        }
      });
      socket.on('error', () => resolve(received));
      socket.write('POST /stream HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      // 11 chunks of 1 MB, and never the final zero-length chunk.
      for (let i = 0; i < 11; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    expect(statusOf(answer)).toBe(413);
    const streamed = seen.find((req) => req.path === '/stream');
    expect(streamed).toMatchObject({ refusal: 'payload-too-large' });
    expect(streamed!.body.length).toBe(0);
  });

  it('answers Expect: 100-continue with the refusal instead of 100 Continue', async () => {
    const head = `PUT /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: ${PAYLOAD_QUOTA_BYTES * 2}\r\n\r\n`;
    const raw = await sendRaw(port, head);
    expect(raw.startsWith('HTTP/1.1 413')).toBe(true);
    expect(raw).not.toContain('100 Continue');
  });
});

describe('API Gateway quota on the request line and headers (10,240 bytes)', () => {
  it('serves a request whose line and headers take exactly 10,240 bytes', async () => {
    const raw = await sendRaw(port, headOfSize(REQUEST_HEAD_QUOTA_BYTES));
    expect(statusOf(raw)).toBe(200);
  });

  it('refuses one byte more', async () => {
    const raw = await sendRaw(port, headOfSize(REQUEST_HEAD_QUOTA_BYTES + 1));
    expect(statusOf(raw)).toBe(413);
    expect(raw.endsWith('headers-too-large')).toBe(true);
  });

  it('refuses headers far over the quota with the API answer, though Node stops parsing them', async () => {
    const raw = await sendRaw(port, headOfSize(64 * 1024));
    expect(statusOf(raw)).toBe(413);
    expect(raw.endsWith('headers-too-large')).toBe(true);
  });
});

describe('API Gateway quota on the URL (10,240 characters)', () => {
  it('refuses a longer URL', async () => {
    const path = `/${'u'.repeat(URL_QUOTA_CHARACTERS)}`;
    const raw = await sendRaw(port, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(raw.endsWith('uri-too-long')).toBe(true);
  });

  it('refuses a URL far over the quota the same way', async () => {
    const path = `/${'u'.repeat(40_000)}`;
    const raw = await sendRaw(port, `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(raw.endsWith('uri-too-long')).toBe(true);
  });
});

describe('slow and idle clients', async () => {
  const slow = await serveStub(() => ({ status: 200, headers: [], body: 'ok', integration: 'stub' }), {
    headersTimeoutMs: 300,
    requestTimeoutMs: 600,
  });

  it('closes a connection that never sends a request', async () => {
    const { closedByServer } = await exchangeRaw(slow.port, '', 5000);
    expect(closedByServer).toBe(true);
  });

  it('answers 408 to a request whose headers never end, and closes the connection', async () => {
    const { received, closedByServer } = await exchangeRaw(slow.port, 'GET / HTTP/1.1\r\nHost: x\r\n', 5000);
    expect(closedByServer).toBe(true);
    expect(statusOf(received)).toBe(408);
  });

  it('answers 408 to a body that stops arriving', async () => {
    const head = 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nhalf';
    const { received, closedByServer } = await exchangeRaw(slow.port, head, 5000);
    expect(closedByServer).toBe(true);
    expect(statusOf(received)).toBe(408);
  });
});
