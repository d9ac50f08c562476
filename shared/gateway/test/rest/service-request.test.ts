import { describe, expect, it } from 'vitest';
import type { RestServiceIntegration } from '../../src/rest/rest-api-model.js';
import { buildServiceRequest } from '../../src/rest/service-request.js';
import { emptyOverrides } from '../../src/vtl/index.js';

const putItem: RestServiceIntegration = {
  service: 'dynamodb',
  uri: { kind: 'action', region: 'us-east-1', service: 'dynamodb', action: 'PutItem' },
  httpMethod: 'POST',
  credentials: 'arn:aws:iam::123456789012:role/api',
  requestParameters: [],
  label: 'dynamodb:PutItem',
};

const pathForm: RestServiceIntegration = {
  ...putItem,
  service: 'kinesis',
  uri: { kind: 'path', region: 'us-east-1', service: 'kinesis', path: 'streams/{name}/{shard}' },
  httpMethod: 'GET',
  label: 'kinesis:path/streams/{name}/{shard}',
};

describe('buildServiceRequest', () => {
  it('posts an action to / with the protocol content type and the implied X-Amz-Target', () => {
    expect(buildServiceRequest(putItem, '{"TableName":"t"}', [], undefined)).toEqual({
      method: 'POST',
      path: '/',
      headers: [
        ['Content-Type', 'application/x-amz-json-1.0'],
        ['X-Amz-Target', 'DynamoDB_20120810.PutItem'],
      ],
      body: '{"TableName":"t"}',
    });
  });

  it('fills the path placeholders (encoded), adds the query string and keeps a mapped Content-Type', () => {
    const built = buildServiceRequest(
      pathForm,
      '',
      [
        [{ location: 'path', name: 'name' }, 'my stream'],
        [{ location: 'path', name: 'shard' }, '0'],
        [{ location: 'querystring', name: 'limit' }, '10'],
        [{ location: 'header', name: 'content-type' }, 'application/json'],
      ],
      undefined,
    );

    expect(built).toEqual({
      method: 'GET',
      path: '/streams/my%20stream/0?limit=10',
      headers: [['content-type', 'application/json']],
      body: '',
    });
  });

  it("lets the request template's overrides win over the mapped parameters", () => {
    const overrides = {
      ...emptyOverrides().requestOverride,
      path: { name: 'overridden' },
      header: { 'X-Extra': 'yes' },
      querystring: { limit: '1' },
    };

    const built = buildServiceRequest(
      pathForm,
      '',
      [
        [{ location: 'path', name: 'name' }, 'mapped'],
        [{ location: 'querystring', name: 'limit' }, '10'],
      ],
      overrides,
    );

    expect(built).toMatchObject({ path: '/streams/overridden/?limit=1' });
    expect(typeof built !== 'string' && built.headers).toContainEqual(['X-Extra', 'yes']);
  });

  it.for(['Authorization', 'Content-Length', 'X-Amzn-Trace-Id', 'Connection'])(
    'refuses to send a mapped %s header',
    (header) => {
      const built = buildServiceRequest(
        putItem,
        '{}',
        [[{ location: 'header', name: header }, 'x']],
        undefined,
      );

      expect(built).toBe(
        `the integration request maps the header ${header}, which API Gateway does not let an AWS integration set`,
      );
    },
  );
});
