import { describe, expect, it } from 'vitest';
import {
  lambdaInvocationMapping,
  parseIntegrationRequestParameters,
} from '../../src/rest/lambda-request-parameters.js';
import type { RequestParameterInput } from '../../src/rest/request-parameter.js';

const input: RequestParameterInput = {
  request: { rawHeaders: [], rawQuery: '', body: Buffer.alloc(0) } as never,
  pathParameters: null,
  context: {},
  stageVariables: null,
  headers: [],
};
const mapping = (raw: Record<string, string>) => {
  const parsed = parseIntegrationRequestParameters(raw);
  if (typeof parsed === 'string') throw new Error(parsed);
  return lambdaInvocationMapping(parsed, input);
};

describe('lambdaInvocationMapping', () => {
  it('invokes asynchronously for X-Amz-Invocation-Type Event, synchronously otherwise', () => {
    expect(mapping({ 'integration.request.header.X-Amz-Invocation-Type': "'Event'" })).toEqual({
      kind: 'invoke',
      invocationType: 'Event',
    });
    expect(mapping({ 'integration.request.querystring.q': "'x'" })).toEqual({
      kind: 'invoke',
      invocationType: 'RequestResponse',
    });
  });

  it('refuses a mapped header API Gateway does not let a Lambda integration set', () => {
    expect(mapping({ 'integration.request.header.Content-Length': "'0'" })).toEqual({
      kind: 'unmappable',
      header: 'Content-Length',
    });
  });

  it('ignores a refused header whose source gives no value', () => {
    expect(mapping({ 'integration.request.header.TE': 'method.request.header.te' })).toEqual({
      kind: 'invoke',
      invocationType: 'RequestResponse',
    });
  });
});

describe('parseIntegrationRequestParameters', () => {
  it('gives AWS’s message for an invalid key or value', () => {
    expect(parseIntegrationRequestParameters({ 'method.request.header.X': "'a'" })).toContain(
      'Invalid mapping expression parameter specified: method.request.header.X',
    );
    expect(parseIntegrationRequestParameters({ 'integration.request.header.X': 'a' })).toContain(
      'Invalid mapping expression specified: a',
    );
  });
});
