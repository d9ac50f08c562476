import { type GatewayResponse, headerValue, mediaType } from '../../server/gateway-request.js';
import { prepareHeaders, unsendableStatus } from '../../server/response-headers.js';
import { isBinaryRequest } from '../content-handling.js';
import { chooseRequestTemplate, isLiteralTemplate, selectTemplate } from '../mapping.js';
import { parseMockStatusCode } from '../mock-status-code.js';
import type { RestIntegration } from '../rest-api-model.js';
import { remapResponseHeaders } from '../restricted-headers.js';
import { selectIntegrationResponse } from '../stages/integration-response.js';
import type { RequestState } from '../stages/request-state.js';

type HeaderPair = [string, string];

/** What a MOCK method answers to every request with the same `Content-Type` and `Accept`. */
interface StaticAnswer {
  readonly status: number;
  /** `Content-Type: application/json` when the answer gets it, before `x-amzn-RequestId`. */
  readonly leading: readonly HeaderPair[];
  /** The mapped headers, remapped as API Gateway sends them, between the two request IDs. */
  readonly mapped: readonly HeaderPair[];
  readonly body: string;
}

/** The static answers of each MOCK integration, by `Content-Type` then `Accept` (`null`: not static). */
const answers = new WeakMap<
  RestIntegration,
  Map<string | undefined, Map<string | undefined, StaticAnswer | null>>
>();
/** Bound on the header values remembered per integration, since clients may send ever new ones. */
const VALUES_KEPT = 32;

/**
 * The answer of a MOCK integration worked out once instead of on every request, when nothing in it depends
 * on the request but its two request IDs: the request template chosen by `Content-Type` is plain text
 * naming a status code, the selected integration response maps only static header values, and the
 * response template chosen by `Accept`, if any, is plain text. The answer is then exactly the one the
 * integration request, MOCK, integration response and method response stages give, built from the same
 * functions. Any other case, and a verbose logger (which prints the rendered templates), return
 * `undefined`: the stages run as usual.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html
 */
export function staticMockResponse(
  state: RequestState,
  integration: RestIntegration,
): GatewayResponse | undefined {
  if (state.logger.verbose) return undefined;
  const raw = state.request.rawHeaders;
  const contentType = headerValue(raw, 'content-type');
  const accept = headerValue(raw, 'accept');
  let byContentType = answers.get(integration);
  if (!byContentType) {
    byContentType = new Map();
    answers.set(integration, byContentType);
  }
  let byAccept = byContentType.get(contentType);
  if (!byAccept) {
    if (byContentType.size >= VALUES_KEPT) byContentType.clear();
    byAccept = new Map();
    byContentType.set(contentType, byAccept);
  }
  let answer = byAccept.get(accept);
  if (answer === undefined) {
    answer = staticAnswer(state.api.binaryMediaTypes, integration, contentType, accept);
    if (byAccept.size >= VALUES_KEPT) byAccept.clear();
    byAccept.set(accept, answer);
  }
  if (answer === null) return undefined;
  const headers: HeaderPair[] = [];
  for (const [name, value] of answer.leading) headers.push([name, value]);
  headers.push(['x-amzn-RequestId', state.requestId]);
  for (const [name, value] of answer.mapped) headers.push([name, value]);
  headers.push(['x-amz-apigw-id', state.extendedRequestId]);
  const fallback = () => ({ ...state.fail('API_CONFIGURATION_ERROR'), integration: 'MOCK' });
  return { status: answer.status, headers, body: answer.body, integration: 'MOCK', fallback };
}

function staticAnswer(
  binaryMediaTypes: readonly string[],
  integration: RestIntegration,
  contentType: string | undefined,
  accept: string | undefined,
): StaticAnswer | null {
  const choice = chooseRequestTemplate(
    integration.requestTemplates,
    contentType,
    integration.passthroughBehavior,
  );
  // A passed-through body names its own status code; a refused one is answered by the stages.
  if (choice.kind !== 'template' || !isLiteralTemplate(choice.template)) return null;
  const binary = isBinaryRequest(binaryMediaTypes, mediaType(contentType));
  if (binary && integration.contentHandling !== 'CONVERT_TO_TEXT') return null;
  const statusCode = parseMockStatusCode(choice.template.source);
  if (statusCode === undefined) return null;
  const selected = selectIntegrationResponse(integration.integrationResponses, String(statusCode));
  if (!selected) return null;
  const mapped: HeaderPair[] = [];
  for (const [name, source] of selected.responseParameters) {
    if (source.kind !== 'static') return null;
    mapped.push([name, source.value]);
  }
  const template = selectTemplate(selected.responseTemplates, accept);
  if (template && !isLiteralTemplate(template)) return null;
  const status = Number(selected.statusCode);
  if (unsendableStatus(status)) return null;
  const leading: HeaderPair[] =
    status !== 204 && !mapped.some(([name]) => name.toLowerCase() === 'content-type')
      ? [['Content-Type', 'application/json']]
      : [];
  const answer = { status, leading, mapped: remapResponseHeaders(mapped), body: template?.source ?? '' };
  // Headers the writer would refuse or leave out (and log) are left to the stages.
  const prepared = prepareHeaders([...answer.leading, ...answer.mapped]);
  if ('reason' in prepared || prepared.dropped.length > 0) return null;
  return answer;
}
