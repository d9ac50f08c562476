import { proxyAnswer } from '../rest/proxy-response.js';
import { FRAMING_HEADERS, type HttpAnswer, type MalformedResult, malformed } from './http-answer.js';

/**
 * Turns what a Lambda function returned to a payload format 1.0 integration into the response. The result
 * must have the REST API proxy shape (`statusCode`, `headers`, `multiValueHeaders`, `body`,
 * `isBase64Encoded`, nothing else), read with the same rules — `Content-Type` defaults to
 * `application/json` — except that HTTP APIs have no binary media types, so a body marked
 * `isBase64Encoded` is always decoded, and that header names are sent in lower case.
 * @param payload - the JSON text the function returned
 * @returns the answer, or why it is malformed (an HTTP API then answers 500, where a REST API answers 502)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.v1
 */
export function interpretResultV1(payload: string): HttpAnswer | MalformedResult {
  const answer = proxyAnswer(payload, '*/*', ['*/*']);
  if (!answer) return malformed(`Malformed Lambda proxy response: ${payload.slice(0, 200)}`);
  const headers: Array<[string, string]> = [];
  for (const [name, value] of answer.headers) {
    const lower = name.toLowerCase();
    if (!FRAMING_HEADERS.has(lower)) headers.push([lower, value]);
  }
  return { status: answer.status, headers, body: answer.body };
}
