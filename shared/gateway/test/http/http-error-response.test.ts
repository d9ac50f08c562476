import { describe, expect, it } from 'vitest';
import { HttpCorsPolicy } from '../../src/http/cors-policy.js';
import {
  httpErrorResponse,
  INTERNAL_SERVER_ERROR_BODY,
  notFound,
} from '../../src/http/http-error-response.js';

const cors = new HttpCorsPolicy({
  allowOrigins: ['https://app.example.com'],
  allowCredentials: false,
  allowMethods: [],
  allowHeaders: [],
  exposeHeaders: [],
  maxAge: undefined,
});
const answer = { status: 500, body: INTERNAL_SERVER_ERROR_BODY, requestId: 'r-1', label: 'AWS_PROXY Fn' };

describe('httpErrorResponse', () => {
  it('carries the CORS header for an allowed origin, after the extra headers and before apigw-requestid', () => {
    const response = httpErrorResponse(cors, {
      ...answer,
      origin: 'https://app.example.com',
      extraHeaders: [['www-authenticate', 'Bearer']],
    });
    expect(response).toEqual({
      status: 500,
      headers: [
        ['content-type', 'application/json'],
        ['www-authenticate', 'Bearer'],
        ['access-control-allow-origin', 'https://app.example.com'],
        ['apigw-requestid', 'r-1'],
      ],
      body: '{"message":"Internal Server Error"}',
      integration: 'AWS_PROXY Fn',
    });
  });

  it('carries no CORS header for an origin the configuration does not allow, nor without a configuration', () => {
    const names = (origin: string | undefined, policy?: HttpCorsPolicy) =>
      httpErrorResponse(policy, { ...answer, origin }).headers.map(([name]) => name);
    expect(names('https://other.example')).toEqual(['content-type', 'apigw-requestid']);
    expect(names('https://other.example', cors)).toEqual(['content-type', 'apigw-requestid']);
    expect(names('https://app.example.com')).toEqual(['content-type', 'apigw-requestid']);
  });
});

describe('notFound', () => {
  it("is API Gateway's 404, with no CORS header whatever the configuration", () => {
    expect(notFound('r-2')).toEqual({
      status: 404,
      headers: [
        ['content-type', 'application/json'],
        ['apigw-requestid', 'r-2'],
      ],
      body: '{"message":"Not Found"}',
      integration: 'no route',
    });
  });
});
