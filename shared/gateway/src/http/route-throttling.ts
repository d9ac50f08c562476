import { readThrottle, type ThrottleSettings } from '../limits/limit-settings.js';
import { TokenBucket } from '../limits/token-bucket.js';

/** An HTTP API stage's throttling: `DefaultRouteSettings` and the `RouteSettings` by route key. */
export interface HttpStageThrottling {
  readonly defaults: ThrottleSettings | undefined;
  readonly routes: ReadonlyMap<string, ThrottleSettings>;
}

/**
 * Reads `DefaultRouteSettings` and `RouteSettings` (`{"GET /items": {ThrottlingRateLimit, …}}`) of an
 * `AWS::ApiGatewayV2::Stage`. A setting that names only one limit keeps the account default for the other.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
 */
export function readHttpStageThrottling(props: Record<string, unknown>): HttpStageThrottling {
  const routes = new Map<string, ThrottleSettings>();
  for (const [key, settings] of Object.entries((props.RouteSettings as object | undefined) ?? {})) {
    const throttle = readThrottle(settings, 'Throttling');
    if (throttle) routes.set(key, throttle);
  }
  return { defaults: readThrottle(props.DefaultRouteSettings, 'Throttling'), routes };
}

/**
 * The token buckets of one HTTP API: one per stage and route, with the route's own settings or the stage's
 * defaults. The account-level limit is not emulated.
 */
export class HttpRouteThrottles {
  readonly #buckets = new Map<string, TokenBucket>();

  /** @param now - the clock, in milliseconds @default Date.now */
  constructor(private readonly now: () => number = Date.now) {}

  /** Takes a token for `routeKey` on `stage`; `false` means the request is throttled (429). */
  take(stage: string, throttling: HttpStageThrottling, routeKey: string): boolean {
    const settings = throttling.routes.get(routeKey) ?? throttling.defaults;
    if (!settings) return true;
    const key = `${stage} ${routeKey}`;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(settings, this.now);
      this.#buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
