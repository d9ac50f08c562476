import type { GatewayLogger } from '../logging/gateway-logger.js';
import { LOCAL_CREDENTIALS } from './aws-credentials.js';
import type { TableDefinition } from './dynamodb-tables.js';
import { type EmbeddedServer, startEmbeddedServer } from './embedded-server.js';
import { describeTransportError, HttpTransport } from './http-transport.js';
import type { StreamDefinition } from './kinesis-streams.js';
import { LocalProvisioner } from './local-provisioning.js';
import { type AwsServiceName, describeService } from './service-catalog.js';
import { regionalEndpoint, type ServiceEndpoint } from './service-endpoints.js';
import { signV4 } from './sign-v4.js';

/** One request to a service, in the service's own wire protocol. */
export interface ServiceRequest {
  readonly service: AwsServiceName;
  /** The region the integration names; it selects the regional endpoint and signs the request. */
  readonly region: string;
  readonly method: string;
  /** The path and query string, starting with `/`. */
  readonly path: string;
  /** Header name/value pairs (`Content-Type`, `X-Amz-Target`, mapped headers); signing adds its own. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The body; not sent for `GET`, `HEAD` and `OPTIONS`. */
  readonly body: string;
  /** How long to wait for the answer. */
  readonly timeoutMs: number;
  /** The gateway's request ID, for the log. */
  readonly requestId: string;
}

/** What came of a {@link ServiceRequest}. */
export type ServiceOutcome =
  | {
      /** The service answered, whatever the status. */
      readonly kind: 'response';
      readonly status: number;
      /** Response headers, names in lower case. */
      readonly headers: Array<[string, string]>;
      readonly body: string;
    }
  | {
      /** The endpoint could not be reached (refused, reset, unknown host) or its backend did not start. */
      readonly kind: 'unreachable';
      readonly reason: string;
    }
  | {
      /** No answer within the request's timeout. */
      readonly kind: 'timeout';
    };

/** The tables and streams the templates declare, created in local backends before their first request. */
export interface ServiceProvisioning {
  readonly tables: readonly TableDefinition[];
  readonly streams: readonly StreamDefinition[];
}

/** The methods whose body is not sent (API Gateway drops it too). */
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sends integration requests to AWS services — the embedded backends (`dynalite`, `kinesalite`), started
 * in memory on first use, or the endpoints they were pointed at — signed with Signature Version 4. Before a
 * local backend (embedded, or a URL on this machine such as DynamoDB Local) answers its first request, the
 * tables and streams of the templates are created in it, so a write the gateway acknowledged can be read
 * back. Endpoints off this machine are used as they are: nothing is created in an AWS account.
 *
 * Never rejects: an endpoint that cannot be reached, or that does not answer in time, is an outcome the
 * caller answers the way API Gateway does.
 */
export class ServiceBackends {
  readonly #endpoints: ReadonlyMap<AwsServiceName, ServiceEndpoint>;
  readonly #tables = new Map<string, TableDefinition>();
  readonly #streams = new Map<string, StreamDefinition>();
  readonly #logger: GatewayLogger;
  /** Local backends being made ready, by `<service> <region>` (DynamoDB Local keeps tables per region). */
  readonly #ready = new Map<string, Promise<URL>>();
  /** Local backends that are ready, by the same key: the hot path needs no promise. */
  readonly #readyUrls = new Map<string, URL>();
  readonly #embedded = new Map<AwsServiceName, Promise<EmbeddedServer>>();
  readonly #transport = new HttpTransport();
  readonly #provisioner: LocalProvisioner;
  #closed = false;

  /**
   * @param endpoints - where each service's requests go (see `resolveServiceEndpoints`)
   */
  constructor(endpoints: ReadonlyMap<AwsServiceName, ServiceEndpoint>, logger: GatewayLogger) {
    this.#endpoints = endpoints;
    this.#logger = logger;
    this.#provisioner = new LocalProvisioner(this.#transport, logger, (service) => this.endpointOf(service));
  }

  /**
   * Declares tables and streams to create in local backends before their next request. A name declared
   * again (e.g. by a new synth of the same stack) keeps its first definition; a new one is created in a
   * backend that is already running before its next request.
   */
  provision(provisioning: ServiceProvisioning): void {
    let added = false;
    for (const table of provisioning.tables) {
      const name = String(table.input.TableName);
      if (!this.#tables.has(name)) {
        this.#tables.set(name, table);
        added = true;
      }
    }
    for (const stream of provisioning.streams) {
      if (!this.#streams.has(stream.input.StreamName)) {
        this.#streams.set(stream.input.StreamName, stream);
        added = true;
      }
    }
    // Backends already prepared run the provisioning again (what exists stays) on their next request.
    if (added) this.#forgetReady();
  }

  /** Where `service`'s requests go, as configured. */
  endpointOf(service: AwsServiceName): ServiceEndpoint {
    return this.#endpoints.get(service) ?? { kind: 'embedded', service };
  }

  /**
   * The base URL `service`'s requests for `region` go to. For a local backend, the first call starts it
   * (embedded) and creates the templates' tables or streams in it.
   * @throws Error when the embedded backend cannot start or the local one cannot be provisioned
   */
  baseUrl(service: AwsServiceName, region: string): Promise<URL> {
    const endpoint = this.endpointOf(service);
    if (endpoint.kind === 'aws') return Promise.resolve(regionalEndpoint(service, region));
    if (endpoint.kind === 'url' && !endpoint.isLocal) return Promise.resolve(endpoint.url);
    const key = `${service} ${region}`;
    let ready = this.#ready.get(key);
    if (!ready) {
      ready = this.#prepare(endpoint, region);
      this.#ready.set(key, ready);
      ready.then(
        (url) => {
          if (this.#ready.get(key) === ready) this.#readyUrls.set(key, url);
        },
        // A failure is reported to every request waiting for it; the next request tries again.
        () => this.#ready.delete(key),
      );
    }
    return ready;
  }

  /** The base URL when it is known without waiting: a remote endpoint, or a local one that is ready. */
  #knownBaseUrl(service: AwsServiceName, region: string): URL | undefined {
    const endpoint = this.endpointOf(service);
    if (endpoint.kind === 'aws') return regionalEndpoint(service, region);
    if (endpoint.kind === 'url' && !endpoint.isLocal) return endpoint.url;
    return this.#readyUrls.get(`${service} ${region}`);
  }

  #forgetReady(service?: AwsServiceName): void {
    for (const map of [this.#ready, this.#readyUrls]) {
      for (const key of map.keys())
        if (service === undefined || key.startsWith(`${service} `)) map.delete(key);
    }
  }

  /** Sends one request and reads the whole answer; never rejects. */
  async send(request: ServiceRequest): Promise<ServiceOutcome> {
    const deadline = AbortSignal.timeout(request.timeoutMs);
    let base: URL | 'timeout' | undefined = this.#knownBaseUrl(request.service, request.region);
    if (!base) {
      try {
        // A local backend is made ready first (started, provisioned); that counts against the timeout too.
        base = await Promise.race([
          this.baseUrl(request.service, request.region),
          new Promise<'timeout'>((resolve) => deadline.addEventListener('abort', () => resolve('timeout'))),
        ]);
      } catch (error) {
        return { kind: 'unreachable', reason: (error as Error).message };
      }
      if (base === 'timeout') return { kind: 'timeout' };
    }
    const url = new URL(request.path, base);
    const body = BODYLESS_METHODS.has(request.method.toUpperCase()) ? '' : request.body;
    const endpoint = this.endpointOf(request.service);
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) headers[name] = value;
    const signed = signV4(
      { method: request.method, url, headers, body },
      {
        region: request.region,
        service: request.service,
        credentials: endpoint.kind === 'embedded' ? LOCAL_CREDENTIALS : endpoint.credentials,
      },
    );
    if (this.#logger.verbose) {
      this.#logger.debug(
        `${request.requestId} ${request.service} request: ${request.method} ${url.href} ${JSON.stringify(headers)} ${body}`,
      );
    }
    try {
      const response = await this.#transport.send(url, {
        method: request.method,
        headers: { ...headers, ...signed },
        body,
        signal: deadline,
      });
      if (this.#logger.verbose) {
        this.#logger.debug(
          `${request.requestId} ${request.service} response: ${response.status} ${response.body}`,
        );
      }
      return { kind: 'response', ...response };
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return { kind: 'timeout' };
      return { kind: 'unreachable', reason: describeTransportError(error, url) };
    }
  }

  /** Stops the embedded backends that were started; their data is gone. */
  async close(): Promise<void> {
    this.#closed = true;
    const servers = await Promise.allSettled(this.#embedded.values());
    this.#embedded.clear();
    this.#forgetReady();
    this.#transport.close();
    await Promise.all(
      servers.map((server) => (server.status === 'fulfilled' ? server.value.close() : undefined)),
    );
  }

  async #prepare(endpoint: ServiceEndpoint, region: string): Promise<URL> {
    if (this.#closed) throw new Error('the gateway is closing');
    const service = endpoint.service;
    let base: URL;
    let where: string;
    if (endpoint.kind === 'embedded') {
      const name = describeService(service).embeddedServer;
      let server = this.#embedded.get(service);
      if (!server) {
        server = startEmbeddedServer(name);
        this.#embedded.set(service, server);
        server.then(
          (started) => void started.stopped.then((reason) => this.#lost(service, started, reason)),
          () => this.#embedded.delete(service),
        );
      }
      base = (await server).url;
      where = `embedded ${name} at ${base.origin}`;
    } else {
      base = (endpoint as { url: URL }).url;
      where = base.origin;
    }
    const created =
      service === 'dynamodb'
        ? await this.#provisioner.createTables(base, region, this.#tables.values())
        : await this.#provisioner.createStreams(base, region, this.#streams.values());
    this.#logger.info(
      `${service}: ${where}${created.length > 0 ? `, with ${created.join(', ')} from the template` : ''}`,
    );
    return base;
  }

  /**
   * Forgets an embedded backend that stopped without being closed, so that the next request starts a fresh
   * one (its data is lost; the log says so).
   */
  #lost(service: AwsServiceName, server: EmbeddedServer, reason: string): void {
    if (this.#closed) return;
    this.#logger.error(
      `${service}: the embedded ${server.name} stopped (${reason}); the next request starts a fresh one, without the data written so far`,
    );
    this.#embedded.delete(service);
    this.#forgetReady(service);
  }
}
