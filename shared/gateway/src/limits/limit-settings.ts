/**
 * A token bucket's settings: `rateLimit` requests a second on average, `burstLimit` at once.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
 */
export interface ThrottleSettings {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/** A usage plan's quota: `limit` requests per `period`, of which `offset` count as used in the first one. */
export interface QuotaSettings {
  readonly limit: number;
  readonly period: 'DAY' | 'WEEK' | 'MONTH';
  readonly offset: number;
}

/** API Gateway's account-level defaults, which a stage setting that names only one limit keeps for the other. */
export const ACCOUNT_THROTTLE: ThrottleSettings = { rateLimit: 10_000, burstLimit: 5_000 };

/** Reads `{ RateLimit, BurstLimit }` (usage plans) or `{ ThrottlingRateLimit, ThrottlingBurstLimit }` (stages). */
export function readThrottle(value: unknown, prefix: '' | 'Throttling' = ''): ThrottleSettings | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const rate = record[`${prefix}RateLimit`];
  const burst = record[`${prefix}BurstLimit`];
  if (rate === undefined && burst === undefined) return undefined;
  return {
    rateLimit: rate === undefined ? ACCOUNT_THROTTLE.rateLimit : Number(rate),
    burstLimit: burst === undefined ? ACCOUNT_THROTTLE.burstLimit : Number(burst),
  };
}
