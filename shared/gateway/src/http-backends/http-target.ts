import type { IntrinsicResolver } from '../assembly/intrinsics.js';

/**
 * Where an HTTP integration sends its requests, as the template writes it: a URL (with `{name}` path
 * placeholders and `${stageVariables.name}` references left for request time), or for a private
 * integration of an HTTP API the ARN of a listener or Cloud Map service; and the resources it is reached
 * through, which an `--http-endpoint` setting may map to a local URL.
 */
export interface HttpTarget {
  /** The resolved `Uri` / `IntegrationUri`. */
  readonly uri: string;
  /** `VPC_LINK` for a private integration. @default 'INTERNET' */
  readonly connectionType: 'INTERNET' | 'VPC_LINK';
  /**
   * Logical IDs the URI or the connection depends on: the resources whose made-up attribute (a load
   * balancer's `DNSName`) or ID (a listener's ARN) is in the URI, and the VPC link.
   */
  readonly references: readonly string[];
  /**
   * The `Fn::GetAtt` whose value only exists once deployed (e.g. `Lb.DNSName`), when the URI holds one.
   * Such a target must be mapped to be served.
   */
  readonly undeployedAttribute: string | undefined;
}

/**
 * Reads the target of an HTTP integration: its URI resolved, and what it refers to.
 * @param connectionId - the raw `ConnectionId` (the VPC link) of a private integration
 */
export function readHttpTarget(
  resolver: IntrinsicResolver,
  uri: string,
  connectionType: unknown,
  connectionId: unknown,
): HttpTarget {
  const references = resolver.resourcesNamedIn(uri);
  const undeployedAttribute = resolver.opaqueAttributeIn(uri);
  if (undeployedAttribute) references.push(undeployedAttribute.split('.')[0]!);
  let linkIds: string[] = [];
  if (connectionId !== undefined) {
    try {
      linkIds = resolver.resourcesNamedIn(String(resolver.resolve(connectionId)));
    } catch {
      linkIds = [];
    }
  }
  return {
    uri,
    connectionType: connectionType === 'VPC_LINK' ? 'VPC_LINK' : 'INTERNET',
    references: [...new Set([...references, ...linkIds])],
    undeployedAttribute,
  };
}
