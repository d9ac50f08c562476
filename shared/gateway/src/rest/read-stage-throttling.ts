import { readThrottle } from '../limits/limit-settings.js';
import type { StageThrottling, ThrottleSettings } from './usage-plan-model.js';

/**
 * A stage's throttling from its `MethodSettings` (and, on a `Deployment`'s `StageDescription`, its
 * `ThrottlingRateLimit`/`ThrottlingBurstLimit`). `ResourcePath` `/*` with `HttpMethod` `*` is the stage's
 * default; any other entry (`/~1items/GET` in CloudFormation's escaping) applies to one method.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigateway-stage-methodsetting.html
 */
export function readStageThrottling(settings: Record<string, unknown>): StageThrottling {
  let defaults = readThrottle(settings, 'Throttling');
  const methods = new Map<string, ThrottleSettings>();
  for (const entry of (settings.MethodSettings as Array<Record<string, unknown>> | undefined) ?? []) {
    const throttle = readThrottle(entry, 'Throttling');
    if (!throttle) continue;
    const path = decodeResourcePath(String(entry.ResourcePath ?? '/*'));
    const method = String(entry.HttpMethod ?? '*').toUpperCase();
    if (path === '/*' && method === '*') defaults = throttle;
    else methods.set(`${path}/${method}`, throttle);
  }
  return { defaults, methods };
}

/** `/~1items~1{id}` → `/items/{id}`: the leading slash, then the path with its slashes escaped as `~1`. */
function decodeResourcePath(encoded: string): string {
  if (encoded === '/' || encoded === '/*' || !encoded.startsWith('/~1')) return encoded;
  return encoded.slice(1).replaceAll('~1', '/');
}
