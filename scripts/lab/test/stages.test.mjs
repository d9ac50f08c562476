import { describe, expect, it } from 'vitest';
import { StageLog } from '../stages.mjs';

const exchange = (headers) => ({ response: { headers } });

describe('StageLog', () => {
  it("hands a REST request's rendered templates to its exchange, found by x-amzn-RequestId", () => {
    const log = new StageLog();
    log.record('req-1 request template output: { statusCode: 200 }');
    log.record('req-1 response template output: {"a":\n1}');

    expect(log.take(exchange([['x-amzn-RequestId', 'req-1']]))).toEqual({
      requestTemplate: '{ statusCode: 200 }',
      responseTemplate: '{"a":\n1}',
    });
    expect(log.take(exchange([['x-amzn-RequestId', 'req-1']]))).toEqual({});
  });

  it("reads an HTTP API function's headers, found by apigw-requestid", () => {
    const log = new StageLog();
    log.record('abc= function headers: [["access-control-allow-origin","*"]]');

    expect(log.take(exchange([['apigw-requestid', 'abc=']]))).toEqual({
      functionHeaders: [['access-control-allow-origin', '*']],
    });
  });

  it('ignores the lines that are not stages, and exchanges without a request ID', () => {
    const log = new StageLog();

    expect(log.record('dynamodb: created the table Items')).toBe(false);
    expect(log.take(exchange([['content-type', 'text/plain']]))).toEqual({});
  });
});
