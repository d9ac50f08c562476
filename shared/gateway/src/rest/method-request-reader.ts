import type { CfnResource } from '../assembly/cfn-template.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import { GatewayConfigError } from '../errors.js';
import type { MethodRequestSettings } from './method-request-model.js';
import {
  MethodRequestConfigError,
  type RequestValidators,
  readMethodRequest,
  readRequestValidators,
} from './read-method-request.js';
import { InvalidModelError, RestApiModels } from './read-request-models.js';
import { readStageThrottling } from './read-stage-throttling.js';
import { readApiKeys, UsagePlanConfigError } from './read-usage-plans.js';
import type { ApiKeysModel, StageThrottling } from './usage-plan-model.js';

/**
 * Reads what the method request stage of one REST API needs — request validators and models, API keys
 * and usage plans, stage throttling — and turns every problem into a `GatewayConfigError` naming the
 * resource, as API Gateway refuses such a template at deploy time.
 */
export class MethodRequestReader {
  readonly #validators: RequestValidators;
  readonly #models: RestApiModels;
  /** The API keys of the stack, with the grants of this API's usage plans. */
  readonly apiKeys: ApiKeysModel;

  /**
   * @param mine - the resources whose `RestApiId` is this API (its models and validators)
   * @param all - every resource of the stack (usage plans and keys name the API only inside their properties)
   */
  constructor(
    private readonly templateFile: string,
    private readonly resolver: IntrinsicResolver,
    api: {
      readonly logicalId: string;
      readonly apiId: string;
      readonly stackName: string;
      readonly props: Record<string, unknown>;
    },
    mine: ReadonlyArray<readonly [string, CfnResource]>,
    all: ReadonlyArray<readonly [string, CfnResource]>,
  ) {
    this.#validators = this.#guard(() =>
      readRequestValidators(
        mine.filter(([, r]) => r.Type === 'AWS::ApiGateway::RequestValidator'),
        resolver,
      ),
    );
    this.#models = this.#guard(
      () =>
        new RestApiModels(
          api.apiId,
          mine.filter(([, r]) => r.Type === 'AWS::ApiGateway::Model'),
          resolver,
        ),
    );
    const source = resolver.resolve(api.props.ApiKeySourceType);
    if (source !== undefined && source !== 'HEADER' && source !== 'AUTHORIZER') {
      throw new GatewayConfigError(`Invalid API key source specified: ${JSON.stringify(source)}`, {
        file: templateFile,
        resource: api.logicalId,
      });
    }
    this.apiKeys = this.#guard(() =>
      readApiKeys(api.apiId, source as 'HEADER' | 'AUTHORIZER' | undefined, api.stackName, all, resolver),
    );
  }

  /** The method request settings of the `AWS::ApiGateway::Method` `logicalId`. */
  method(logicalId: string, props: Record<string, unknown>): MethodRequestSettings {
    return this.#guard(() =>
      readMethodRequest(logicalId, props, this.resolver, this.#validators, this.#models),
    );
  }

  /** The throttling of a stage, from an `AWS::ApiGateway::Stage` or a `Deployment`'s `StageDescription`. */
  stageThrottling(settings: unknown): StageThrottling {
    const resolved = (this.resolver.resolve(settings ?? {}) ?? {}) as Record<string, unknown>;
    return readStageThrottling(resolved);
  }

  #guard<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (
        error instanceof MethodRequestConfigError ||
        error instanceof InvalidModelError ||
        error instanceof UsagePlanConfigError
      ) {
        throw new GatewayConfigError(error.message, { file: this.templateFile, resource: error.resource });
      }
      throw error;
    }
  }
}
