import type { CfnResource } from '../assembly/cfn-template.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';

/** A setting that would change API Gateway's answers and that the gateway does not emulate. */
export interface UnemulatedSetting {
  readonly resource: string;
  readonly message: string;
}

/**
 * The settings of one REST API (its `RestApi`, stages and deployments) that change what API Gateway
 * answers and that the gateway does not emulate, so that it refuses them rather than serving as if they
 * were absent: a resource policy that grants less than everyone, `CloneFrom`, and canary deployments.
 * A resource policy that only allows `execute-api:Invoke` to every principal without conditions is
 * accepted: it answers exactly as no policy does.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html
 */
export function findUnemulatedSettings(
  apiLogicalId: string,
  apiProps: Record<string, unknown>,
  mine: ReadonlyArray<readonly [string, CfnResource]>,
  resolver: IntrinsicResolver,
): UnemulatedSetting[] {
  const found: UnemulatedSetting[] = [];
  if (apiProps.Policy !== undefined) {
    const reason = policyReason(resolver.resolve(apiProps.Policy));
    if (reason) {
      found.push({
        resource: apiLogicalId,
        message: `the resource policy (Policy) ${reason}; resource policies are not evaluated by the local gateway`,
      });
    }
  }
  if (apiProps.CloneFrom !== undefined) {
    found.push({
      resource: apiLogicalId,
      message: 'CloneFrom (an API cloned from another one) is not supported by the local gateway',
    });
  }
  for (const [logicalId, r] of mine) {
    const props = r.Properties ?? {};
    const canary =
      (r.Type === 'AWS::ApiGateway::Stage' && props.CanarySetting !== undefined) ||
      (r.Type === 'AWS::ApiGateway::Deployment' &&
        (props.DeploymentCanarySettings !== undefined ||
          (props.StageDescription as Record<string, unknown> | undefined)?.CanarySetting !== undefined));
    if (canary) {
      found.push({
        resource: logicalId,
        message:
          'a canary deployment (CanarySetting) sends a share of requests to another deployment; the local gateway does not emulate canaries',
      });
    }
  }
  return found;
}

/** Why a resource policy grants less than "everyone may invoke everything", or `undefined` when it does not. */
function policyReason(policy: unknown): string | undefined {
  const document = typeof policy === 'string' ? safeParse(policy) : policy;
  if (typeof document !== 'object' || document === null)
    return `is not a policy document: ${JSON.stringify(policy)}`;
  const raw = (document as Record<string, unknown>).Statement;
  const statements = Array.isArray(raw) ? raw : [raw];
  for (const [index, statement] of statements.entries()) {
    const s = (statement ?? {}) as Record<string, unknown>;
    if (s.Effect !== 'Allow') return `has statement ${index} with Effect ${JSON.stringify(s.Effect)}`;
    if (s.Condition !== undefined) return `has statement ${index} with a Condition`;
    const principal = s.Principal;
    const everyone =
      principal === '*' ||
      (typeof principal === 'object' &&
        principal !== null &&
        (principal as Record<string, unknown>).AWS === '*');
    if (!everyone)
      return `has statement ${index} for the principal ${JSON.stringify(principal)}, not everyone`;
    if (s.NotAction !== undefined || s.NotResource !== undefined || s.NotPrincipal !== undefined) {
      return `has statement ${index} with NotAction, NotResource or NotPrincipal`;
    }
  }
  return undefined;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
