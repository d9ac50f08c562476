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

/** What an `AWS::ApiGateway::UsagePlan` grants on one stage of this API. */
export interface UsagePlanGrant {
  readonly planLogicalId: string;
  readonly stage: string;
  readonly throttle: ThrottleSettings | undefined;
  readonly quota: QuotaSettings | undefined;
  /** The plan's per-method throttles on that stage, by `<resource path>/<METHOD>` (e.g. `/items/GET`). */
  readonly methodThrottles: ReadonlyMap<string, ThrottleSettings>;
}

/** One `AWS::ApiGateway::ApiKey` that a usage plan of this API grants. */
export interface ApiKeyEntry {
  readonly logicalId: string;
  /** What `Ref` gives: `$context.identity.apiKeyId`. */
  readonly id: string;
  readonly value: string;
  readonly enabled: boolean;
  /** Whether the value was generated locally because the template sets none. */
  readonly generated: boolean;
  readonly grants: readonly UsagePlanGrant[];
}

/** The API keys of one REST API and where requests carry them. */
export interface ApiKeysModel {
  /** `ApiKeySourceType`. @default 'HEADER' */
  readonly source: 'HEADER' | 'AUTHORIZER';
  /** Every key of the assembly's stack by value, whether or not a plan of this API grants it. */
  readonly byValue: ReadonlyMap<string, ApiKeyEntry>;
}

/** A stage's throttling: its default and its per-method settings by `<resource path>/<METHOD>`. */
export interface StageThrottling {
  readonly defaults: ThrottleSettings | undefined;
  readonly methods: ReadonlyMap<string, ThrottleSettings>;
}
