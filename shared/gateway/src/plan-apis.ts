import { refuseForeignApiParts } from './assembly/api-attachments.js';
import type { IntrinsicResolver } from './assembly/intrinsics.js';
import type { LoadedStack } from './assembly/load-assembly.js';
import { namingTheResource } from './assembly/name-the-resource.js';
import { prepareAssembly } from './assembly/prepare-assembly.js';
import { TrustedIssuers } from './auth/trusted-issuers.js';
import { readUserPools } from './auth/user-pools.js';
import type { GatewayOptions } from './gateway-options.js';
import { HttpApiPipeline, readHttpApis } from './http/index.js';
import { HttpBackends } from './http-backends/http-backends.js';
import { refuseUnmapped, refuseUnmappedRestTargets } from './http-backends/refuse-unmapped-targets.js';
import type { LambdaRuntime } from './lambda/lambda-runtime.js';
import type { GatewayLogger } from './logging/gateway-logger.js';
import { nothingToServe } from './nothing-to-serve.js';
import { readRestApis } from './rest/read-rest-apis.js';
import { refuseResponseStreaming } from './rest/response-streaming.js';
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
 * templates' DynamoDB tables and Kinesis streams to create in local backends. Nested stacks are read as
 * part of their parent; `Fn::ImportValue` reads the exports of every stack of the assembly; only the Lambda
 * functions an integration invokes are read. `HTTP`/`HTTP_PROXY` integrations send their requests through
 * `http` (by default to their URIs, mapped by `options.httpEndpoints`).
 * @throws GatewayConfigError when the input is missing, malformed, a template AWS would reject, or holds
 * nothing to serve
 */
export function planApis(
  options: GatewayOptions,
  runtime: LambdaRuntime,
  logger: GatewayLogger,
  services?: ServiceBackends,
  http: HttpBackends = new HttpBackends(options.httpEndpoints),
): PlannedApi[] {
  const assembly = prepareAssembly(options.source, options.stack);
  refuseForeignApiParts(assembly.all, assembly.selected);
  const { functions } = assembly;
  const planned: PlannedApi[] = [];
  const undeployed: string[] = [];
  const notDeployed = (stack: LoadedStack, logicalId: string, kind: string) => {
    logger.info(`${stack.stackName}/${logicalId}: no stage is deployed, so it is not served`);
    undeployed.push(`${kind} API ${logicalId} of ${stack.stackName}`);
  };
  for (const { stack, resolver } of assembly.selected) {
    services?.provision({
      tables: namingTheResource(stack, () => readTableDefinitions(stack, resolver)),
      streams: namingTheResource(stack, () => readStreamDefinitions(stack, resolver)),
    });
    namingTheResource(stack, () => refuseResponseStreaming(stack, resolver));
    const issuers = namingTheResource(
      stack,
      () => new TrustedIssuers(readUserPools(stack, resolver), options.jwks),
    );
    for (const api of namingTheResource(stack, () => readRestApis(stack, resolver, functions, issuers))) {
      if (api.stages.size === 0) {
        notDeployed(stack, api.logicalId, 'REST');
        continue;
      }
      refuseUnmappedRestTargets(api, http, stack);
      planned.push({
        stack,
        resolver,
        logicalId: api.logicalId,
        apiId: api.apiId,
        kind: 'REST',
        stages: [...api.stages.keys()],
        pipeline: new RestApiPipeline(api, runtime, logger, services, http).handle,
      });
    }
    for (const api of namingTheResource(stack, () => readHttpApis(stack, resolver, functions, issuers))) {
      if (api.stageNames.length === 0) {
        notDeployed(stack, api.logicalId, 'HTTP');
        continue;
      }
      for (const route of api.routes) {
        const { integration } = route;
        if (integration.kind === 'http')
          refuseUnmapped(integration.target, http, stack, integration.logicalId);
      }
      planned.push({
        stack,
        resolver,
        logicalId: api.logicalId,
        apiId: api.apiId,
        kind: 'HTTP',
        stages: api.stageNames,
        pipeline: new HttpApiPipeline(api, runtime, logger, services, http).handle,
      });
    }
  }
  if (planned.length === 0) throw nothingToServe(options.source, assembly.selected, undeployed);
  return planned;
}
