import { writeFileSync } from 'node:fs';
import { IntrinsicResolver, localPseudoParameters } from './assembly/intrinsics.js';
import { type LoadedStack, loadAssembly } from './assembly/load-assembly.js';
import { GatewayConfigError } from './errors.js';
import type { GatewayExchange, GatewayOptions, RunningGateway, ServedApi } from './gateway-options.js';
import { HttpApiPipeline, readHttpApis } from './http/index.js';
import { readLambdaFunctions } from './lambda/lambda-function.js';
import { LambdaRuntime } from './lambda/lambda-runtime.js';
import { createStderrLogger } from './logging/gateway-logger.js';
import { readRestApis } from './rest/read-rest-apis.js';
import { RestApiPipeline } from './rest/rest-pipeline.js';
import { ApiServer, type RequestPipeline } from './server/api-server.js';
import type { GatewayRequest, GatewayResponse } from './server/gateway-request.js';

/** An API read from a template, ready to be served. */
interface PlannedApi {
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
 * Reads a cloud assembly (or one template), refuses what AWS would refuse at deploy time, and serves every
 * API on its own port of `host`.
 * @throws GatewayConfigError when the input is missing, malformed, or a template AWS would reject
 * @example
 * ```ts
 * const gateway = await startGateway({ source: 'cdk.out', port: 0 });
 * console.log(gateway.apis[0].url); // http://127.0.0.1:41234/prod/
 * await gateway.close();
 * ```
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createStderrLogger(options.verbose ?? false);
  const host = options.host ?? '127.0.0.1';
  const runtime = new LambdaRuntime(logger);
  const planned: PlannedApi[] = [];
  for (const stack of loadAssembly(options.source, options.stack)) {
    const resolver = new IntrinsicResolver(stack.template, stack.stackName, localPseudoParameters());
    const functions = wrapUnresolvable(stack, () => readLambdaFunctions(stack, resolver));
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
        pipeline: new RestApiPipeline(api, runtime, logger).handle,
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
        pipeline: new HttpApiPipeline(api, runtime, logger).handle,
      });
    }
  }

  const servers: ApiServer[] = [];
  const apis: ServedApi[] = [];
  const urlsByApiId = new Map<string, string>();
  let nextPort = options.port ?? 0;
  try {
    for (const api of planned) {
      const server = new ApiServer(
        api.pipeline,
        logger,
        options.onExchange && exchangeObserver(api, options.onExchange),
      );
      servers.push(server);
      const port = await listenOnFreePort(server, host, nextPort, servers.length === 1);
      if (nextPort !== 0) nextPort = port + 1;
      const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      urlsByApiId.set(api.apiId, base);
      for (const stage of api.stages) {
        apis.push({
          stack: api.stack.stackName,
          logicalId: api.logicalId,
          kind: api.kind,
          stage,
          url: stage === '$default' ? `${base}/` : `${base}/${stage}/`,
        });
      }
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    await runtime.close();
    throw error;
  }

  if (options.outputsFile) {
    writeFileSync(options.outputsFile, `${JSON.stringify(localOutputs(planned, urlsByApiId), null, 2)}\n`);
  }
  return {
    apis,
    async close() {
      await Promise.all(servers.map((server) => server.close()));
      await runtime.close();
    },
  };
}

/** Thrown when the port asked for the first API is taken. */
export class PortTakenError extends Error {
  override readonly name = 'PortTakenError';
  readonly code = 'EADDRINUSE';
}

function exchangeObserver(api: PlannedApi, onExchange: (exchange: GatewayExchange) => void) {
  const source = { stack: api.stack.stackName, logicalId: api.logicalId, kind: api.kind };
  return (request: GatewayRequest, response: GatewayResponse, finishedAt: number) => {
    const pairs = (flat: readonly string[]) => {
      const out: Array<[string, string]> = [];
      for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
      return out;
    };
    const body = typeof response.body === 'string' ? response.body : response.body.toString('utf8');
    onExchange({
      api: source,
      receivedAt: request.receivedAt,
      durationMs: finishedAt - request.receivedAt,
      request: {
        method: request.method,
        url: request.rawQuery ? `${request.path}?${request.rawQuery}` : request.path,
        headers: pairs(request.rawHeaders),
        body: request.body.toString('utf8'),
      },
      response: { status: response.status, headers: response.headers, body },
      integration: response.integration,
    });
  };
}

async function listenOnFreePort(
  server: ApiServer,
  host: string,
  port: number,
  exact: boolean,
): Promise<number> {
  if (port === 0) return server.listen(host, 0);
  if (exact) {
    try {
      return await server.listen(host, port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      throw new PortTakenError(`port ${port} on ${host} is taken; is another gateway running?`);
    }
  }
  for (let candidate = port; candidate < port + 100; candidate++) {
    try {
      return await server.listen(host, candidate);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`no free port on ${host} from ${port} to ${port + 99}`);
}

function wrapUnresolvable<T>(stack: LoadedStack, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GatewayConfigError) throw error;
    throw new GatewayConfigError((error as Error).message, { file: stack.templateFile });
  }
}

/**
 * The stack outputs in the shape of `cdk deploy --outputs-file`, with every execute-api URL of a served API
 * replaced by its local URL.
 */
function localOutputs(
  planned: readonly PlannedApi[],
  urlsByApiId: ReadonlyMap<string, string>,
): Record<string, Record<string, string>> {
  const outputs: Record<string, Record<string, string>> = {};
  for (const { stack, resolver } of new Map(planned.map((p) => [p.stack, p])).values()) {
    const values: Record<string, string> = {};
    for (const [key, output] of Object.entries(stack.template.Outputs ?? {})) {
      let value: string;
      try {
        value = String(resolver.resolve(output.Value));
      } catch {
        continue;
      }
      for (const [apiId, base] of urlsByApiId) {
        value = value.replace(new RegExp(`https://${apiId}\\.execute-api\\.[^/]+`, 'g'), base);
      }
      values[key] = value;
    }
    outputs[stack.stackName] = values;
  }
  return outputs;
}
