import { corsPolicy } from '@cors-workshop/cors';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_ORIGINS } from '../lib/cors-settings.js';

const LISTED_ORIGIN = ALLOWED_ORIGINS[1]!;

/** A REST API event for `GET /duplicate` from a page on `origin`, with only what the handlers read. */
function eventFrom(origin: string): APIGatewayProxyEvent {
  return {
    httpMethod: 'GET',
    headers: { Origin: origin },
    multiValueHeaders: { Origin: [origin] },
    requestContext: { requestId: 'c0ffee00-0000-4000-8000-000000000000' },
  } as unknown as APIGatewayProxyEvent;
}

let duplicate: (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

beforeAll(async () => {
  process.env.ALLOWED_ORIGINS = ALLOWED_ORIGINS.join(',');
  ({ handler: duplicate } = await import('../handlers/duplicate.js'));
});

/** Every value of Access-Control-Allow-Origin in a result, from both header maps. */
function allowOriginValues(result: APIGatewayProxyResult): string[] {
  const single = Object.entries(result.headers ?? {})
    .filter(([name]) => name.toLowerCase() === 'access-control-allow-origin')
    .map(([, value]) => String(value));
  const multi = Object.entries(result.multiValueHeaders ?? {})
    .filter(([name]) => name.toLowerCase() === 'access-control-allow-origin')
    .flatMap(([, values]) => values.map(String));
  return [...multi, ...single];
}

describe('the handler of /duplicate', () => {
  it('returns Access-Control-Allow-Origin in both header maps, with two different values', async () => {
    const result = await duplicate(eventFrom(LISTED_ORIGIN));

    expect(allowOriginValues(result)).toEqual([LISTED_ORIGIN, '*']);
  });

  it('keeps one value once the shared policy decorates its result: the policy drops both of its own', async () => {
    const cors = corsPolicy({ allowOrigins: [...ALLOWED_ORIGINS], allowCredentials: true });
    const event = eventFrom(LISTED_ORIGIN);

    const fixed = cors.decorate(event, await duplicate(event));

    expect(allowOriginValues(fixed)).toEqual([LISTED_ORIGIN]);
  });

  it('is what a wrapped handler returns as well', async () => {
    const cors = corsPolicy({ allowOrigins: [...ALLOWED_ORIGINS] });
    const wrapped = cors.wrap(duplicate);

    const result = await wrapped(eventFrom(LISTED_ORIGIN), {} as Context);

    expect(allowOriginValues(result)).toEqual([LISTED_ORIGIN]);
  });
});
