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
