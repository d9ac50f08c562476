/**
 * Serves a cloud assembly on the local gateway and hands out its URLs.
 *
 * @module
 */
import type { GatewayOptions, RunningGateway, ServedApi } from '@cors-workshop/gateway';

/**
 * A cloud assembly to serve: its folder (or a single template file), or an object naming the folder that
 * may clean up after itself, such as the result of `synthStack`.
 */
export type AssemblySource =
  | string
  | {
      /** The cloud assembly folder (or template file) to serve. */
      readonly assemblyDir: string;
      /** Cleans up after the gateway has closed, e.g. removes a temporary assembly folder. */
      dispose?(): void | Promise<void>;
    };

/** Options of {@link serveAssembly} and of `gatewayTest`. */
export interface ServeAssemblyOptions extends Omit<GatewayOptions, 'source'> {
  /**
   * What to serve, or a function producing it (called once, when the gateway starts; it may synthesize).
   * An object's `dispose()` is called after the gateway has closed.
   */
  readonly source: AssemblySource | (() => AssemblySource | Promise<AssemblySource>);
}

/** The APIs of a running local gateway. */
export interface ServedGateway {
  /** Every API served, in template order. */
  readonly apis: readonly ServedApi[];
  /**
   * The invoke URL of the first API, ending with `/`, e.g. `http://127.0.0.1:41234/prod/`.
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html
   */
  readonly url: string;
  /**
   * The invoke URL of the API with this logical ID (e.g. `ProxyCorsRestApiB964F16B`), or with this stack
   * name and logical ID when several stacks are served.
   * @throws Error when no such API is served (the message lists the served ones)
   */
  urlOf(logicalId: string, stack?: string): string;
}

/** A {@link ServedGateway} that the caller must close. */
export interface ClosableGateway extends ServedGateway {
  /** Closes the gateway, then disposes of the source when it can be disposed of. */
  close(): Promise<void>;
}

/**
 * Starts the local gateway on an assembly.
 *
 * @param options - the source and the gateway's options; the port defaults to a free one
 * @returns the served APIs and a `close()` that stops the gateway and disposes of the source
 * @throws Error when the gateway refuses the assembly or no API is found in it
 * @example
 * ```ts
 * const gateway = await serveAssembly({ source: 'cdk.out' });
 * try {
 *   await fetch(gateway.url);
 * } finally {
 *   await gateway.close();
 * }
 * ```
 */
export async function serveAssembly(options: ServeAssemblyOptions): Promise<ClosableGateway> {
  const { source, ...gatewayOptions } = options;
  const resolved = typeof source === 'function' ? await source() : source;
  const assemblyDir = typeof resolved === 'string' ? resolved : resolved.assemblyDir;
  const dispose = async () => {
    if (typeof resolved !== 'string') {
      await resolved.dispose?.();
    }
  };
  let running: RunningGateway;
  try {
    // Loaded on first use, so that the template helpers work before the gateway is built.
    const { startGateway } = await import('@cors-workshop/gateway');
    running = await startGateway({ port: 0, ...gatewayOptions, source: assemblyDir });
  } catch (error) {
    await dispose();
    throw error;
  }
  const { apis } = running;
  const [first] = apis;
  if (first === undefined) {
    await running.close();
    await dispose();
    throw new Error(`The local gateway found no API to serve in "${assemblyDir}"`);
  }
  return {
    apis,
    url: first.url,
    urlOf: (logicalId, stack) => findApi(apis, logicalId, stack).url,
    close: async () => {
      try {
        await running.close();
      } finally {
        await dispose();
      }
    },
  };
}

function findApi(apis: readonly ServedApi[], logicalId: string, stack: string | undefined): ServedApi {
  const found = apis.find(
    (api) => api.logicalId === logicalId && (stack === undefined || api.stack === stack),
  );
  if (found === undefined) {
    const served = apis.map((api) => `${api.stack}/${api.logicalId}`).join(', ');
    const wanted = stack === undefined ? `"${logicalId}"` : `"${logicalId}" in stack "${stack}"`;
    throw new Error(`No API ${wanted} is served; the gateway serves: ${served}`);
  }
  return found;
}
