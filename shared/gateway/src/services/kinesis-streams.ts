import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';

/** A `CreateStream` request for one `AWS::Kinesis::Stream` of a template. */
export interface StreamDefinition {
  /** The resource that declares the stream, for messages. */
  readonly logicalId: string;
  /** The `CreateStream` input: `StreamName` and `ShardCount`. */
  readonly input: { readonly StreamName: string; readonly ShardCount: number };
}

/**
 * Reads the `AWS::Kinesis::Stream` resources of a stack as `CreateStream` requests: the resolved stream
 * name (the template's `Name`, else the name the gateway gives the resource) and its `ShardCount`. An
 * on-demand stream, which has no shard count, gets the 4 shards AWS starts it with.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kinesis-stream.html
 * @see https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html
 */
export function readStreamDefinitions(stack: LoadedStack, resolver: IntrinsicResolver): StreamDefinition[] {
  const streams: StreamDefinition[] = [];
  for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
    if (resource.Type !== 'AWS::Kinesis::Stream') continue;
    // Only the shard count and mode are resolved: `StreamEncryption` often holds an `Fn::If` on a condition,
    // which has no local value.
    const raw = resource.Properties ?? {};
    const mode = (resolver.resolve(raw.StreamModeDetails) as { StreamMode?: string } | undefined)?.StreamMode;
    const shardCount =
      raw.ShardCount !== undefined ? Number(resolver.resolve(raw.ShardCount)) : mode === 'ON_DEMAND' ? 4 : 1;
    streams.push({
      logicalId,
      input: { StreamName: resolver.ref(logicalId) as string, ShardCount: shardCount },
    });
  }
  return streams;
}
