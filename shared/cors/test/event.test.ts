import { describe, expect, it } from 'vitest';
import { isPreflight, requestHeader, requestMethod } from '../src/event.js';
import { httpEvent, restEvent } from './fixtures/events.js';

describe('requestMethod', () => {
  it('reads the method of both payload formats', () => {
    expect(requestMethod(restEvent({ method: 'PUT' }))).toBe('PUT');
    expect(requestMethod(httpEvent({ method: 'PATCH' }))).toBe('PATCH');
  });
});

describe('requestHeader', () => {
  it('finds a header whatever the case the client used', () => {
    const event = restEvent({
      headers: { ORIGIN: 'https://a.example', 'access-control-request-method': 'PUT' },
    });
    expect(requestHeader(event, 'Origin')).toBe('https://a.example');
    expect(requestHeader(event, 'Access-Control-Request-Method')).toBe('PUT');
  });

  it('finds a lower-cased payload 2.0 header by its usual name', () => {
    expect(requestHeader(httpEvent({ headers: { Origin: 'https://a.example' } }), 'Origin')).toBe(
      'https://a.example',
    );
  });

  it('falls back to multiValueHeaders when a payload 1.0 event has no headers map', () => {
    const event = {
      ...restEvent(),
      headers: null,
      multiValueHeaders: { 'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'] },
    };
    // API Gateway sends null when a request has no headers; the type does not say so.
    expect(requestHeader(event as never, 'x-forwarded-for')).toBe('1.1.1.1,2.2.2.2');
  });

  it('gives nothing for an absent header', () => {
    expect(requestHeader(restEvent({ headers: { Host: 'x' } }), 'Origin')).toBeUndefined();
    expect(
      requestHeader({ ...restEvent(), headers: null, multiValueHeaders: null } as never, 'Origin'),
    ).toBeUndefined();
  });
});

describe('isPreflight', () => {
  it('recognizes OPTIONS with Access-Control-Request-Method in both payload formats', () => {
    const headers = { Origin: 'https://a.example', 'Access-Control-Request-Method': 'PUT' };
    expect(isPreflight(restEvent({ method: 'OPTIONS', headers }))).toBe(true);
    expect(isPreflight(httpEvent({ method: 'OPTIONS', headers }))).toBe(true);
  });

  it('does not take a plain OPTIONS request for a preflight', () => {
    expect(isPreflight(restEvent({ method: 'OPTIONS', headers: { Origin: 'https://a.example' } }))).toBe(
      false,
    );
  });

  it('does not take another method carrying Access-Control-Request-Method for a preflight', () => {
    expect(
      isPreflight(restEvent({ method: 'GET', headers: { 'Access-Control-Request-Method': 'GET' } })),
    ).toBe(false);
  });
});
