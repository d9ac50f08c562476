import type { QuotaSettings, ThrottleSettings } from '../limits/limit-settings.js';

export type { QuotaSettings, ThrottleSettings };

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
