/**
 * Reads `statusCode` from a MOCK integration's rendered request template. Like API Gateway, it accepts the
 * relaxed form CDK emits (`{ statusCode: 200 }`, not valid JSON) as well as JSON.
 * @returns the status code, or `undefined` when there is no integer `statusCode` (API Gateway answers 500)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html
 */
export function parseMockStatusCode(rendered: string): number | undefined {
  const match = /["']?statusCode["']?\s*:\s*["']?(\d{3})["']?\s*[,}]/.exec(rendered);
  if (!match || !/^\s*\{/.test(rendered)) return undefined;
  return Number(match[1]);
}
