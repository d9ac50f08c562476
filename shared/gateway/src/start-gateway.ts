import { writeFileSync } from 'node:fs';
import { localPseudoParameters } from './assembly/pseudo-parameters.js';
import type { GatewayExchange, GatewayOptions, RunningGateway, ServedApi } from './gateway-options.js';
import { HttpBackends } from './http-backends/http-backends.js';
import { LambdaRuntime } from './lambda/lambda-runtime.js';
import { sweepLeftoverTaskRoots } from './lambda/task-roots.js';
import { createStderrLogger } from './logging/gateway-logger.js';
import { type PlannedApi, planApis } from './plan-apis.js';
import { ApiServer } from './server/api-server.js';
import type { GatewayRequest, GatewayResponse } from './server/gateway-request.js';
import { ServiceBackends } from './services/service-backends.js';
import { resolveServiceEndpoints } from './services/service-endpoints.js';
import { watchSource } from './watch-source.js';

/**
 * Reads a cloud assembly (or one template), refuses what AWS would refuse at deploy time, and serves every
 * API on its own port of `host`. With `watch`, a new synth of the assembly is served on the same ports as soon
 * as it is written (a broken one is refused and the previous version kept). AWS service integrations call
 * the embedded backends (started on first use) or the endpoints `serviceEndpoints` names.
 * @throws GatewayConfigError when the input is missing, malformed, or a template AWS would reject
 * @throws ServiceEndpointError when a service endpoint setting is malformed or lacks credentials
 * @example
 * ```ts
 * const gateway = await startGateway({ source: 'cdk.out', port: 0 });
 * console.log(gateway.apis[0].url); // http://127.0.0.1:41234/prod/
 * await gateway.close();
 * ```
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createStderrLogger(options.verbose ?? false);
  const swept = sweepLeftoverTaskRoots();
  if (swept.length > 0)
    logger.debug(`removed ${swept.length} copies of function code left by stopped gateways`);
  const host = options.host ?? '127.0.0.1';
  const services = new ServiceBackends(resolveServiceEndpoints(options.serviceEndpoints), logger);
  let runtime = new LambdaRuntime(logger);
  const http = new HttpBackends(options.httpEndpoints);
  const planned = planApis(options, runtime, logger, services, http);

  const servers: ApiServer[] = [];
  const serversByKey = new Map<string, ApiServer>();
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
      serversByKey.set(apiKey(api), server);
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
    await services.close();
    http.close();
    throw error;
  }

  if (options.outputsFile) {
    writeFileSync(options.outputsFile, `${JSON.stringify(localOutputs(planned, urlsByApiId), null, 2)}\n`);
  }
  const retired: LambdaRuntime[] = [];
  const watcher = options.watch
    ? watchSource(options.source, logger, () => {
        const next = new LambdaRuntime(logger);
        let replanned: PlannedApi[];
        try {
          replanned = planApis(options, next, logger, services, http);
        } catch (error) {
          void next.close();
          logger.error(`reload refused, still serving the previous version: ${(error as Error).message}`);
          return;
        }
        for (const api of replanned) {
          const server = serversByKey.get(apiKey(api));
          if (server) server.replacePipeline(api.pipeline);
          else logger.error(`${apiKey(api)} is new: restart the gateway to serve it`);
        }
        retired.push(runtime);
        runtime = next;
        logger.info(`reloaded ${options.source}`);
      })
    : undefined;
  return {
    apis,
    async serviceEndpoint(service, region = localPseudoParameters().region) {
      return (await services.baseUrl(service, region)).href;
    },
    async close(graceMs = 0) {
      watcher?.close();
      await Promise.all(servers.map((server) => server.close(graceMs)));
      await Promise.all([runtime, ...retired].map((r) => r.close()));
      await services.close();
      http.close();
    },
  };
}

/** Thrown when the port asked for the first API is taken, e.g. by another running gateway. */
export class PortTakenError extends Error {
  /** Always `PortTakenError`. */
  override readonly name = 'PortTakenError';
  /** Always `EADDRINUSE`, the code Node gives the underlying error. */
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

function apiKey(api: PlannedApi): string {
  return `${api.stack.stackName}/${api.logicalId}`;
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
