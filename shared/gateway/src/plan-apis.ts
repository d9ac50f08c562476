import { IntrinsicResolver, localPseudoParameters } from './assembly/intrinsics.js';
import { type LoadedStack, loadAssembly } from './assembly/load-assembly.js';
import { GatewayConfigError } from './errors.js';
import type { GatewayOptions } from './gateway-options.js';
import { HttpApiPipeline, readHttpApis } from './http/index.js';
import { readLambdaFunctions } from './lambda/lambda-function.js';
import type { LambdaRuntime } from './lambda/lambda-runtime.js';
import type { GatewayLogger } from './logging/gateway-logger.js';
import { readRestApis } from './rest/read-rest-apis.js';
import { RestApiPipeline } from './rest/rest-pipeline.js';
import type { RequestPipeline } from './server/api-server.js';
import { readTableDefinitions } from './services/dynamodb-tables.js';
import { readStreamDefinitions } from './services/kinesis-streams.js';
import type { ServiceBackends } from './services/service-backends.js';

/** An API read from a template, ready to be served. */
export interface PlannedApi {
  readonly stack: LoadedStack;
  readonly resolver: IntrinsicResolver;
  readonly logicalId: string;
  readonly apiId: string;
  readonly kind: 'REST' | 'HTTP';
  /** Stage names served, in template order; `$default` is served at the root. */
  readonly stages: readonly string[];
  readonly pipeline: RequestPipeline;
}

/**
 * Reads the assembly of `options.source` and builds the pipeline of every deployed API, running its
 * functions on `runtime` and sending its AWS service integrations to `services`, which is also given the
 * templates' DynamoDB tables and Kinesis streams to create in local backends.
 * @throws GatewayConfigError when the input is missing, malformed, or a template AWS would reject
 */
export function planApis(
  options: GatewayOptions,
  runtime: LambdaRuntime,
  logger: GatewayLogger,
  services?: ServiceBackends,
): PlannedApi[] {
  const planned: PlannedApi[] = [];
  for (const stack of loadAssembly(options.source, options.stack)) {
    const resolver = new IntrinsicResolver(stack.template, stack.stackName, localPseudoParameters());
    const functions = wrapUnresolvable(stack, () => readLambdaFunctions(stack, resolver));
    services?.provision({
      tables: wrapUnresolvable(stack, () => readTableDefinitions(stack, resolver)),
      streams: wrapUnresolvable(stack, () => readStreamDefinitions(stack, resolver)),
    });
    for (const api of wrapUnresolvable(stack, () => readRestApis(stack, resolver, functions))) {
      if (api.stages.size === 0) {
        logger.info(`${stack.stackName}/${api.logicalId}: no stage is deployed, so it is not served`);
        continue;
      }
      planned.push({
        stack,
        resolver,
        logicalId: api.logicalId,
        apiId: api.apiId,
        kind: 'REST',
        stages: [...api.stages.keys()],
        pipeline: new RestApiPipeline(api, runtime, logger, services).handle,
      });
    }
    for (const api of wrapUnresolvable(stack, () => readHttpApis(stack, resolver, functions))) {
      if (api.stageNames.length === 0) {
        logger.info(`${stack.stackName}/${api.logicalId}: no stage is deployed, so it is not served`);
        continue;
      }
      planned.push({
        stack,
        resolver,
        logicalId: api.logicalId,
        apiId: api.apiId,
        kind: 'HTTP',
        stages: api.stageNames,
        pipeline: new HttpApiPipeline(api, runtime, logger, services).handle,
      });
    }
  }
  return planned;
}

/** Turns an error that names no resource (e.g. an unresolvable intrinsic) into one naming the template. */
function wrapUnresolvable<T>(stack: LoadedStack, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GatewayConfigError) throw error;
    throw new GatewayConfigError((error as Error).message, { file: stack.templateFile });
  }
}
