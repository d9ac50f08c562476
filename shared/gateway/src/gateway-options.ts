import type { HttpEndpoints } from './http-backends/http-endpoints.js';
import type { GatewayLogger } from './logging/gateway-logger.js';
import type { AwsServiceName } from './services/service-catalog.js';
import type { ServiceEndpoints } from './services/service-endpoints.js';

/**
 * Options of {@link startGateway} and of `cors-gateway serve`.
 */
export interface GatewayOptions {
  /**
   * A cloud assembly folder (`cdk.out`, with its `manifest.json`) or a single CloudFormation template file.
   */
  readonly source: string;

  /**
   * Serve only the stack with this name (its `stackName` or its artifact ID).
   * @default - every stack of the assembly
   */
  readonly stack?: string;

  /**
   * Address the APIs listen on.
   * @default '127.0.0.1'
   */
  readonly host?: string;

  /**
   * Port of the first API; the next APIs take the next free ports. `0` picks free ports.
   * @default 0
   */
  readonly port?: number;

  /**
   * Write the stack outputs, with local URLs, in the shape of `cdk deploy --outputs-file`.
   * @default - no file is written
   */
  readonly outputsFile?: string;

  /**
   * Serve a new synth of the source on the same ports as soon as it is written; a synth AWS would refuse is
   * logged and the previous version kept.
   * @default false
   */
  readonly watch?: boolean;

  /**
   * Log each pipeline stage of every request (rendered templates, the chosen integration response).
   * @default false
   */
  readonly verbose?: boolean;

  /**
   * Called after every answered request with the whole exchange, e.g. to show it in a browser. Kept off
   * the hot path when not set.
   * @default - exchanges are only logged
   */
  readonly onExchange?: (exchange: GatewayExchange) => void;

  /**
   * Where AWS service integrations send their requests, by service: `embedded` (the in-memory `dynalite`
   * or `kinesalite`, started on first use and provisioned from the templates' tables and streams), `aws`
   * (the real regional endpoint, signed with the credentials of `AWS_ACCESS_KEY_ID` and
   * `AWS_SECRET_ACCESS_KEY`), or a URL such as DynamoDB Local's `http://127.0.0.1:8000`.
   * @default - each service's `AWS_ENDPOINT_URL_<SERVICE>` environment variable, else `embedded`
   * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
   */
  readonly serviceEndpoints?: ServiceEndpoints;

  /**
   * Where `HTTP` and `HTTP_PROXY` integrations send their requests instead of the URI the template
   * names: by the backend's origin (`https://api.example.com`) or by the logical ID of the load balancer,
   * listener, Cloud Map service or VPC link a private integration reaches it through (those exist only once
   * deployed, so such an integration is refused without a mapping), a URL the gateway can reach.
   * @default - every integration calls its URI as written
   * @example
   * ```ts
   * { 'https://api.example.com': 'http://127.0.0.1:8080', ServiceListener: 'http://127.0.0.1:9000' }
   * ```
   */
  readonly httpEndpoints?: HttpEndpoints;

  /**
   * Local JWKS files (`{"keys":[…]}`) by issuer URL, for JWT and Cognito authorizers whose issuer is not a
   * user pool of the assembly (those are signed by the local issuer: see `cors-gateway token`).
   * @default - only the assembly's user pools are trusted
   * @example { 'https://login.example.com/': './jwks.json' }
   */
  readonly jwks?: Readonly<Record<string, string>>;

  /**
   * Where log lines go.
   * @default - a logger writing to `process.stderr`
   */
  readonly logger?: GatewayLogger;
}

/** One API the gateway serves. */
export interface ServedApi {
  /** The stack's name. */
  readonly stack: string;
  /** The logical ID of the `AWS::ApiGateway::RestApi` or `AWS::ApiGatewayV2::Api`. */
  readonly logicalId: string;
  /** `REST` for API Gateway v1, `HTTP` for an HTTP API. */
  readonly kind: 'REST' | 'HTTP';
  /** The stage's name, e.g. `prod` or `$default`. */
  readonly stage: string;
  /** The invoke URL, ending with `/` (the bare root for an HTTP API `$default` stage). */
  readonly url: string;
}

/** A running gateway, as returned by {@link startGateway}. */
export interface RunningGateway {
  /** The APIs being served, in template order. */
  readonly apis: readonly ServedApi[];
  /**
   * The URL a service's requests go to, e.g. to read back what an integration wrote with any AWS client.
   * For an embedded backend this starts it (and creates the templates' tables or streams) if no request
   * has yet.
   * @param region - the region whose endpoint is meant, for a service pointed at `aws`
   * @default region - the gateway's region (`AWS_REGION`, else `us-east-1`)
   * @example
   * ```ts
   * const kinesis = await gateway.serviceEndpoint('kinesis'); // http://127.0.0.1:41235/
   * ```
   */
  serviceEndpoint(service: AwsServiceName, region?: string): Promise<string>;
  /**
   * Stops the gateway: the listeners stop accepting connections; requests in flight may finish for
   * `graceMs` (those still running are then answered 503); then every connection, Lambda environment and
   * service backend is closed, and the copies of function code are removed.
   * @param graceMs - how long requests in flight may take to finish
   * @default graceMs 0 (in-flight requests are answered 503 at once)
   */
  close(graceMs?: number): Promise<void>;
}

/** One request and the gateway's answer, as {@link GatewayOptions.onExchange} receives it. */
export interface GatewayExchange {
  /** The API that answered. */
  readonly api: {
    /** The stack's name. */
    readonly stack: string;
    /** The logical ID of the API resource. */
    readonly logicalId: string;
    /** `REST` or `HTTP`. */
    readonly kind: 'REST' | 'HTTP';
  };
  /** When the request arrived (epoch milliseconds). */
  readonly receivedAt: number;
  /** How long the gateway took to answer, in milliseconds. */
  readonly durationMs: number;
  /** The request as it arrived. */
  readonly request: {
    /** e.g. `OPTIONS`. */
    readonly method: string;
    /** The path with its query string, as sent. */
    readonly url: string;
    /** Header name/value pairs in the client's case and order. */
    readonly headers: ReadonlyArray<readonly [string, string]>;
    /** The body as UTF-8 text; empty when there is none. */
    readonly body: string;
  };
  /** The answer as sent. */
  readonly response: {
    /** The HTTP status code. */
    readonly status: number;
    /** Header name/value pairs in the order sent (without `Content-Length`, `Date` and `Connection`). */
    readonly headers: ReadonlyArray<readonly [string, string]>;
    /** The body as UTF-8 text; empty when there is none. */
    readonly body: string;
  };
  /** What produced the answer, e.g. `MOCK` or `AWS_PROXY RestProxyFn04E83FA9`. */
  readonly integration: string;
}
