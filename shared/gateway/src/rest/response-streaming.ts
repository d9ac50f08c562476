import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';
import { GatewayConfigError } from '../errors.js';

/** The Lambda invocation path of a response-streaming integration (`InvokeWithResponseStream`). */
const STREAMING_URI = /:lambda:path\/[^/]+\/functions\/.+\/response-streaming-invocations$/;

/**
 * Refuses the methods whose integration streams its response (`ResponseTransferMode: STREAM`, or a Lambda
 * `response-streaming-invocations` URI): the local Lambda runtime runs buffered handlers only — a handler
 * wrapped in `awslambda.streamifyResponse` writes to a stream the runtime does not provide — and the
 * gateway answers once the whole response is known. Nothing else about the method is at fault: the same
 * method with `BUFFERED` is served.
 * @throws GatewayConfigError naming the method
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html
 */
export function refuseResponseStreaming(stack: LoadedStack, resolver: IntrinsicResolver): void {
  for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
    if (resource.Type !== 'AWS::ApiGateway::Method') continue;
    const integration = resource.Properties?.Integration as Record<string, unknown> | undefined;
    if (!integration) continue;
    const mode = resolver.resolve(integration.ResponseTransferMode);
    let uri: unknown;
    try {
      uri = resolver.resolve(integration.Uri);
    } catch {
      uri = undefined;
    }
    const streamsLambda = typeof uri === 'string' && STREAMING_URI.test(uri);
    if (mode !== 'STREAM' && !streamsLambda) continue;
    const what = streamsLambda
      ? 'invokes its Lambda function for response streaming (InvokeWithResponseStream, a handler wrapped in awslambda.streamifyResponse)'
      : `streams the ${String(integration.Type)} response (ResponseTransferMode STREAM)`;
    throw new GatewayConfigError(
      `the integration ${what}: the local gateway does not emulate response streaming — its Lambda runtime runs buffered handlers only and it answers once the whole response is known; with ResponseTransferMode BUFFERED and a proxy result the method is served (see docs/behaviour.md#response-streaming)`,
      { file: stack.templateFile, resource: logicalId },
    );
  }
}
