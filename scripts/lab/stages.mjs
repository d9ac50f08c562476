// The pipeline stages the gateway logs with `verbose` (the rendered request and response templates, the
// headers a function returned), kept by request ID until the request's exchange is reported, so that the
// lab can show them in the call's card.

/** `<requestId> <stage>: <value>`, as the gateway's debug lines read. */
const STAGE_LINE = /^(\S+) (request template output|response template output|function headers): ([\s\S]*)$/;

const STAGE_NAMES = {
  'request template output': 'requestTemplate',
  'response template output': 'responseTemplate',
  'function headers': 'functionHeaders',
};

/** Requests whose exchange never came (a client that hung up) are forgotten after this many. */
const MAX_PENDING = 500;

/**
 * Collects stages from debug lines and hands them over with the exchange of their request.
 */
export class StageLog {
  #pending = new Map();

  /**
   * Reads one debug line of the gateway; lines that are not a stage are ignored.
   * @returns {boolean} whether the line was a stage
   */
  record(line) {
    const match = STAGE_LINE.exec(line);
    if (match === null) return false;
    const [, requestId, stage, value] = match;
    const stages = this.#pending.get(requestId) ?? {};
    const name = STAGE_NAMES[stage];
    stages[name] = name === 'functionHeaders' ? parseHeaders(value) : value;
    this.#pending.set(requestId, stages);
    if (this.#pending.size > MAX_PENDING) this.#pending.delete(this.#pending.keys().next().value);
    return true;
  }

  /**
   * The stages of an exchange's request, found by the request ID the answer carries (`x-amzn-RequestId` on
   * a REST API, `apigw-requestid` on an HTTP API); they are then forgotten.
   * @returns {{ requestTemplate?: string, responseTemplate?: string, functionHeaders?: [string, string][] }}
   */
  take(exchange) {
    const id = exchange.response.headers.find(([name]) =>
      ['x-amzn-requestid', 'apigw-requestid'].includes(name.toLowerCase()),
    )?.[1];
    if (id === undefined) return {};
    const stages = this.#pending.get(id) ?? {};
    this.#pending.delete(id);
    return stages;
  }
}

function parseHeaders(value) {
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((pair) => Array.isArray(pair) && pair.length === 2) : [];
  } catch {
    return [];
  }
}
