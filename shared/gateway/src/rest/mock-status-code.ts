/**
 * Reads `statusCode` from a MOCK integration's rendered request template. Like API Gateway, it accepts the
 * relaxed form CDK emits (`{ statusCode: 200 }`, not valid JSON) as well as JSON.
 * @returns the status code, or `undefined` when there is no integer `statusCode` (API Gateway answers 500)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html
 */
export function parseMockStatusCode(rendered: string): number | undefined {
  // A literal template (CDK's preflight) renders the same text on every request: parse it once.
  if (rendered.length > CACHED_LENGTH) return parse(rendered);
  if (parsed.has(rendered)) return parsed.get(rendered);
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  const statusCode = parse(rendered);
  parsed.set(rendered, statusCode);
  return statusCode;
}

const CACHE_LIMIT = 256;
const CACHED_LENGTH = 256;
const parsed = new Map<string, number | undefined>();

function parse(rendered: string): number | undefined {
  const match = /["']?statusCode["']?\s*:\s*["']?(\d{3})["']?\s*[,}]/.exec(rendered);
  if (!match || !/^\s*\{/.test(rendered)) return undefined;
  return Number(match[1]);
}
