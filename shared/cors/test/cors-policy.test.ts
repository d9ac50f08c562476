import type { APIGatewayProxyResult } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CorsPolicy, corsPolicy } from '../src/cors-policy.js';
import type { ProxyEvent } from '../src/event.js';
import type { CorsPolicyOptions } from '../src/policy.js';
import {
  originArbitrary,
  originListArbitrary,
  requestHeadersArbitrary,
  requestOriginArbitrary,
} from './fixtures/arbitraries.js';
import { httpEvent, lambdaContext, type RequestShape, restEvent } from './fixtures/events.js';

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example';

/** Every header of a result whose name is `name` (any case), from both header maps, as strings. */
function headerValues(result: unknown, name: string): string[] {
  const { headers = {}, multiValueHeaders = {} } = result as Partial<APIGatewayProxyResult>;
  const lowerName = name.toLowerCase();
  return [
    ...Object.entries(headers)
      .filter(([key]) => key.toLowerCase() === lowerName)
      .map(([, value]) => String(value)),
    ...Object.entries(multiValueHeaders)
      .filter(([key]) => key.toLowerCase() === lowerName)
      .flatMap(([, values]) => values.map(String)),
  ];
}

describe('corsPolicy', () => {
  it('exposes the validated options with their defaults', () => {
    const cors = corsPolicy({ allowOrigins: [APP], maxAge: 300 });
    expect(cors.options).toMatchObject({ allowOrigins: [APP], allowCredentials: false, maxAge: 300 });
  });

  it('throws at construction, quoting the bad value', () => {
    expect(() => corsPolicy({ allowOrigins: ['https://app.example.com/'] })).toThrow(
      'Invalid allowOrigins entry "https://app.example.com/"',
    );
    expect(() => corsPolicy({ allowOrigins: '*', allowCredentials: true })).toThrow(/allowCredentials/);
  });

  describe('headersFor', () => {
    it('echoes an allowed origin with Vary: Origin, whatever the case of the Origin header name', () => {
      const cors = corsPolicy({ allowOrigins: [APP] });
      expect(cors.headersFor(restEvent({ headers: { oRiGiN: APP } }))).toEqual({
        'Access-Control-Allow-Origin': APP,
        Vary: 'Origin',
      });
      expect(cors.headersFor(httpEvent({ headers: { Origin: APP } }))).toEqual({
        'Access-Control-Allow-Origin': APP,
        Vary: 'Origin',
      });
    });

    it('never echoes an origin outside the list, and still says Vary: Origin', () => {
      const cors = corsPolicy({ allowOrigins: [APP], allowCredentials: true });
      expect(cors.headersFor(restEvent({ headers: { Origin: EVIL } }))).toEqual({ Vary: 'Origin' });
      expect(cors.headersFor(restEvent())).toEqual({ Vary: 'Origin' });
    });

    it('answers * to a * policy, without Vary', () => {
      const cors = corsPolicy({ allowOrigins: '*' });
      expect(cors.headersFor(httpEvent({ headers: { Origin: EVIL } }))).toEqual({
        'Access-Control-Allow-Origin': '*',
      });
    });

    it('allows credentials next to the echoed origin and exposes the configured headers', () => {
      const cors = corsPolicy({
        allowOrigins: [APP],
        allowCredentials: true,
        exposeHeaders: ['X-Request-Id'],
      });
      expect(cors.headersFor(restEvent({ headers: { Origin: APP } }))).toEqual({
        'Access-Control-Allow-Origin': APP,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': 'X-Request-Id',
        Vary: 'Origin',
      });
    });
  });

  describe('preflight', () => {
    const preflight: RequestShape = {
      method: 'OPTIONS',
      headers: {
        Origin: APP,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type,x-custom',
      },
    };

    it('answers a preflight with 204, an empty body and the preflight headers', () => {
      const cors = corsPolicy({ allowOrigins: [APP], allowMethods: ['GET', 'PUT'], maxAge: 600 });
      expect(cors.preflight(restEvent(preflight))).toEqual({
        statusCode: 204,
        body: '',
        headers: {
          'Access-Control-Allow-Origin': APP,
          'Access-Control-Allow-Methods': 'GET, PUT',
          'Access-Control-Allow-Headers': 'content-type',
          'Access-Control-Max-Age': '600',
          Vary: 'Origin, Access-Control-Request-Headers',
        },
      });
    });

    it('answers a disallowed origin with a 204 without CORS headers', () => {
      const cors = corsPolicy({ allowOrigins: ['https://other.example'], allowCredentials: true });
      const result = cors.preflight(httpEvent(preflight));
      expect(result?.statusCode).toBe(204);
      expect(Object.keys(result?.headers ?? {}).filter((name) => name.startsWith('Access-Control-'))).toEqual(
        [],
      );
    });

    it('gives nothing for a request that is not a preflight', () => {
      const cors = corsPolicy({ allowOrigins: [APP] });
      expect(cors.preflight(restEvent({ method: 'OPTIONS', headers: { Origin: APP } }))).toBeUndefined();
      expect(cors.preflight(httpEvent({ method: 'GET', headers: { Origin: APP } }))).toBeUndefined();
    });
  });

  describe('decorate', () => {
    it('merges Vary: Origin into the handler’s Vary without duplicating it', () => {
      const cors = corsPolicy({ allowOrigins: [APP] });
      const result = cors.decorate(restEvent({ headers: { Origin: APP } }), {
        statusCode: 200,
        headers: { Vary: 'Accept-Encoding, origin' },
        body: '',
      });
      expect(result.headers).toEqual({ Vary: 'Accept-Encoding, origin', 'Access-Control-Allow-Origin': APP });
    });
  });
});

describe('corsPolicy properties', () => {
  /** Any request: either payload format, a preflight or not, with any Origin and requested headers. */
  function requestArbitrary(list: readonly string[]): fc.Arbitrary<ProxyEvent> {
    return fc
      .record({
        payload: fc.constantFrom(restEvent, httpEvent),
        preflight: fc.boolean(),
        origin: requestOriginArbitrary(list),
        originName: fc.constantFrom('Origin', 'origin', 'ORIGIN'),
        requestHeaders: requestHeadersArbitrary,
      })
      .map(({ payload, preflight, origin, originName, requestHeaders }) => {
        const headers: Record<string, string> = {};
        if (origin !== undefined) headers[originName] = origin;
        if (preflight) headers['Access-Control-Request-Method'] = 'PUT';
        if (requestHeaders !== undefined) headers['Access-Control-Request-Headers'] = requestHeaders;
        return payload({ method: preflight ? 'OPTIONS' : 'GET', headers });
      });
  }

  /** A handler that tries to answer CORS itself: it echoes any Origin, with credentials, and sets a Vary. */
  function meddlingHandler(vary: string | undefined) {
    return async (event: ProxyEvent): Promise<APIGatewayProxyResult> => {
      const origin = event.headers.origin ?? event.headers.Origin ?? 'https://meddler.example';
      return {
        statusCode: 200,
        headers: {
          'access-control-allow-origin': origin,
          'Access-Control-Allow-Credentials': 'true',
          ...(vary === undefined ? {} : { vary }),
        },
        multiValueHeaders: { 'ACCESS-CONTROL-ALLOW-ORIGIN': [origin] },
        body: 'ok',
      };
    };
  }

  async function respond(cors: CorsPolicy, event: ProxyEvent, vary?: string): Promise<unknown> {
    return cors.wrap(meddlingHandler(vary))(event as never, lambdaContext);
  }

  const varyArbitrary = fc.option(
    fc
      .array(fc.constantFrom('Accept', 'accept-encoding', 'Origin', 'origin', 'X-Foo'), { maxLength: 3 })
      .map((names) => names.join(', ')),
    { nil: undefined },
  );

  it('never echoes an origin outside the list', async () => {
    await fc.assert(
      fc.asyncProperty(
        originListArbitrary.chain((list) =>
          fc.tuple(fc.constant(list), requestArbitrary(list), fc.boolean(), varyArbitrary),
        ),
        async ([list, event, allowCredentials, vary]) => {
          const cors = corsPolicy({ allowOrigins: list, allowCredentials });
          const origin = event.headers.origin ?? event.headers.Origin ?? event.headers.ORIGIN;
          const allowOrigins = headerValues(await respond(cors, event, vary), 'Access-Control-Allow-Origin');
          expect(allowOrigins).toEqual(origin !== undefined && list.includes(origin) ? [origin] : []);
        },
      ),
    );
  });

  it('always says Vary: Origin, once, for a list policy', async () => {
    await fc.assert(
      fc.asyncProperty(
        originListArbitrary.chain((list) =>
          fc.tuple(fc.constant(list), requestArbitrary(list), varyArbitrary),
        ),
        async ([list, event, vary]) => {
          const cors = corsPolicy({ allowOrigins: list });
          const varies = headerValues(await respond(cors, event, vary), 'Vary');
          expect(varies).toHaveLength(1);
          const names = (varies[0] ?? '').split(',').map((name) => name.trim().toLowerCase());
          expect(names.filter((name) => name === 'origin')).toHaveLength(1);
        },
      ),
    );
  });

  it('never lets credentials appear together with *', async () => {
    const optionsArbitrary: fc.Arbitrary<CorsPolicyOptions> = fc.record({
      allowOrigins: fc.oneof(fc.constant('*' as const), fc.constant(['*']), originListArbitrary),
      allowCredentials: fc.boolean(),
      allowHeaders: fc.oneof(fc.constant('*' as const), fc.constant(['Content-Type', 'Authorization'])),
    });
    const scenarioArbitrary = fc
      .tuple(optionsArbitrary, fc.array(originArbitrary, { maxLength: 2 }))
      .chain(([options, extraOrigins]) => {
        const listed =
          options.allowOrigins === '*' || options.allowOrigins[0] === '*' ? [] : options.allowOrigins;
        const list = [...listed, ...extraOrigins];
        return fc.tuple(
          fc.constant(options),
          requestArbitrary(list.length > 0 ? list : [APP]),
          varyArbitrary,
        );
      });
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ([options, event, vary]) => {
        if (options.allowCredentials && (options.allowOrigins === '*' || options.allowOrigins[0] === '*')) {
          expect(() => corsPolicy(options)).toThrow(/allowCredentials/);
          return;
        }
        const result = await respond(corsPolicy(options), event, vary);
        const credentials = headerValues(result, 'Access-Control-Allow-Credentials');
        const allowOrigin = headerValues(result, 'Access-Control-Allow-Origin');
        const allowHeaders = headerValues(result, 'Access-Control-Allow-Headers').flatMap((v) =>
          v.split(','),
        );
        if (credentials.length > 0) {
          expect(credentials).toEqual(['true']);
          expect(allowOrigin).toHaveLength(1);
          expect(allowOrigin[0]).not.toBe('*');
        }
        expect(allowHeaders.map((name) => name.trim())).not.toContain('*');
      }),
    );
  });
});
