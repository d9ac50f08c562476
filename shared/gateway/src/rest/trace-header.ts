import { randomBytes } from 'node:crypto';
import { newTraceId } from '../server/request-ids.js';

/**
 * The `X-Amzn-Trace-Id` of one request, as a REST API propagates it to the Lambda event and the response
 * (recorded on AWS by the LocalStack test `test_apigateway_common.py::TestApiGatewayCommon::test_invocation_trace_id`,
 * validated 2024-08-07):
 *
 * - an incoming header with `Root=` and `Parent=` is kept whole;
 * - an incoming header with `Root=` only keeps its root and gets a new `Parent=` (16 hex digits) after it,
 *   and `Sampled=0` unless it says otherwise;
 * - without one (or with one that names no root) a new trace is started.
 * @param incoming - the client's `X-Amzn-Trace-Id`, if any
 * @param receivedAt - when the request arrived (epoch milliseconds), for a new root
 * @see https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
 */
export function propagatedTraceHeader(incoming: string | undefined, receivedAt: number): string {
  if (incoming === undefined) return newTraceId(receivedAt);
  const parts = incoming
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const root = parts.find((part) => /^Root=\S+$/.test(part));
  if (!root) return newTraceId(receivedAt);
  if (parts.some((part) => part.startsWith('Parent='))) return parts.join(';');
  const others = parts.filter((part) => part !== root);
  const sampled = others.some((part) => part.startsWith('Sampled=')) ? [] : ['Sampled=0'];
  return [root, `Parent=${randomBytes(8).toString('hex')}`, ...others, ...sampled].join(';');
}
