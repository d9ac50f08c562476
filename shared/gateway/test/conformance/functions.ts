import type { TestFunction } from '../support/rest-template.js';

/**
 * Node.js equivalents of the functions the recorded tests deployed (written for this suite; the recorded
 * ones are Python). Each does what its recorded counterpart does to the event and result.
 */
export const FUNCTIONS = {
  /** Returns the proxy event as the body of a 200 (`lambda_aws_proxy`). */
  ProxyEcho: {
    code: `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event), isBase64Encoded: false });`,
    functionName: 'proxy-echo',
  },
  /** Returns the event it got (`lambda_echo`). */
  Echo: { code: `exports.handler = async (event) => event;`, functionName: 'echo' },
  /** Returns, as its result, the JSON the request body holds (base64-decoded when it is so encoded). */
  ResultFromBody: {
    code: [
      'exports.handler = async (event) => {',
      "  if (event.body === null) throw new TypeError('the JSON object must be str, bytes or bytearray, not NoneType');",
      "  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;",
      '  return JSON.parse(text);',
      '};',
    ].join('\n'),
  },
  /** Answers by the event's path (`lambda_aws_proxy_format`). */
  ProxyFormat: {
    code: [
      'exports.handler = async (event) => {',
      "  if (event.path === '/no-body') return { statusCode: 200 };",
      "  if (event.path === '/only-headers') return { statusCode: 200, headers: { 'test-header': 'value' } };",
      "  if (event.path === '/wrong-format') return { statusCode: 200, wrongValue: 'value' };",
      "  if (event.path === '/empty-response') return {};",
      '  return { statusCode: 200, body: JSON.stringify(event), isBase64Encoded: false };',
      '};',
    ].join('\n'),
  },
  /** Passes for "200", fails with a message naming the status otherwise (`lambda_select_pattern`). */
  SelectPattern: {
    code: [
      'const fail = (message) => { const error = new Error(message); error.name = "Exception"; throw error; };',
      'exports.handler = async (event) => {',
      "  if (event.statusCode === '200') return 'Pass';",
      "  if (event.statusCode === '400') fail('Error: Raising four hundred from within the Lambda function');",
      "  if (event.statusCode === '500') fail('Error: Raising five hundred from within the Lambda function');",
      "  return 'Error Value in the json request should either be 400 or 500 to demonstrate';",
      '};',
    ].join('\n'),
  },
  /** Reads `event.body.httpStatus` and says whether it is an error (`lambda_mapping_responses`). */
  MappingResponses: {
    code: [
      'exports.handler = async (event) => Number(event.body.httpStatus) >= 400',
      "  ? { statusCode: 200, body: 'customerror' }",
      "  : { statusCode: 200, body: 'noerror' };",
    ].join('\n'),
  },
  /** Returns `{ json: <event> }`, as the recorded HTTP echo server answers with the JSON it was posted. */
  JsonEcho: { code: `exports.handler = async (event) => ({ json: event });` },
  /** A function API Gateway may invoke asynchronously: it answers late, so only an async call is quick. */
  Slow: {
    code: `exports.handler = () => new Promise((resolve) => setTimeout(() => resolve({ done: true }), 1500));`,
    timeout: 5,
  },
} satisfies Record<string, TestFunction>;

/** The logical ID of one of {@link FUNCTIONS}. */
export type FunctionId = keyof typeof FUNCTIONS;
