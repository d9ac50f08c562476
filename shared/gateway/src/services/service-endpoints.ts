import { type AwsCredentials, credentialsFromEnvironment, LOCAL_CREDENTIALS } from './aws-credentials.js';
import {
  type AwsServiceName,
  describeService,
  isAwsServiceName,
  SERVICE_CATALOG,
} from './service-catalog.js';
import { ServiceEndpointError } from './service-endpoint-error.js';

/**
 * Where the gateway sends each service's requests, by service name. Each value is `embedded` (the in-memory
 * backend, started on first use), `aws` (the service's regional endpoint in the region of the integration's
 * URI, e.g. `https://dynamodb.eu-west-1.amazonaws.com`), or an `http(s)` URL (e.g. DynamoDB Local at
 * `http://127.0.0.1:8000`).
 * @example
 * ```ts
 * const endpoints: ServiceEndpoints = { dynamodb: 'http://127.0.0.1:8000', kinesis: 'aws' };
 * ```
 */
export interface ServiceEndpoints {
  /** @default - `AWS_ENDPOINT_URL_DYNAMODB` when set, else `embedded` (dynalite) */
  readonly dynamodb?: string;
  /** @default - `AWS_ENDPOINT_URL_KINESIS` when set, else `embedded` (kinesalite) */
  readonly kinesis?: string;
}

/** Where one service's requests go, and how they are signed. */
export type ServiceEndpoint =
  | { readonly kind: 'embedded'; readonly service: AwsServiceName }
  | {
      readonly kind: 'aws';
      readonly service: AwsServiceName;
      readonly credentials: AwsCredentials;
    }
  | {
      readonly kind: 'url';
      readonly service: AwsServiceName;
      readonly url: URL;
      /** Whether the URL names this machine: its tables and streams are then provisioned from the template. */
      readonly isLocal: boolean;
      readonly credentials: AwsCredentials;
    };

/**
 * Resolves where every service's requests go: the explicit setting, else the service's `AWS_ENDPOINT_URL_*`
 * variable, else the embedded backend. Endpoints off this machine (`aws`, or a URL whose host is not a
 * loopback address) are signed with the credentials of `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`
 * (`AWS_SESSION_TOKEN`); endpoints on this machine with those, else with {@link LOCAL_CREDENTIALS}.
 * @throws ServiceEndpointError for an unknown service, a malformed value, or a remote endpoint without
 * credentials (the message quotes the value and says where it came from)
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */
export function resolveServiceEndpoints(
  settings: ServiceEndpoints | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Map<AwsServiceName, ServiceEndpoint> {
  for (const name of Object.keys(settings ?? {})) {
    if (!isAwsServiceName(name)) {
      throw new ServiceEndpointError(
        `there is no service ${JSON.stringify(name)} to point elsewhere; the gateway calls ${[...SERVICE_CATALOG.keys()].join(' and ')}`,
      );
    }
  }
  const credentials = credentialsFromEnvironment(env);
  const endpoints = new Map<AwsServiceName, ServiceEndpoint>();
  for (const service of SERVICE_CATALOG.keys()) {
    const variable = describeService(service).endpointVariable;
    const explicit = settings?.[service];
    const value = explicit ?? env[variable];
    const origin = explicit === undefined ? variable : `the ${service} endpoint setting`;
    endpoints.set(service, endpointOf(service, value, origin, credentials));
  }
  return endpoints;
}

function endpointOf(
  service: AwsServiceName,
  value: string | undefined,
  origin: string,
  credentials: AwsCredentials | undefined,
): ServiceEndpoint {
  const setting = value?.trim();
  if (setting === undefined || setting === '' || setting === 'embedded') return { kind: 'embedded', service };
  const needCredentials = (where: string): AwsCredentials => {
    if (credentials) return credentials;
    throw new ServiceEndpointError(
      `${origin} sends ${service} requests to ${where}, which needs AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones); shared profiles and SSO are not read`,
    );
  };
  if (setting === 'aws') return { kind: 'aws', service, credentials: needCredentials('AWS') };
  const url = URL.canParse(setting) ? new URL(setting) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new ServiceEndpointError(
      `${origin} is ${JSON.stringify(setting)}; expected "embedded", "aws" or an http(s) URL such as http://127.0.0.1:8000`,
    );
  }
  const isLocal = isLoopbackHost(url.hostname);
  return {
    kind: 'url',
    service,
    url,
    isLocal,
    credentials: isLocal ? (credentials ?? LOCAL_CREDENTIALS) : needCredentials(url.origin),
  };
}

/** Whether `hostname` (as `URL.hostname` gives it) names this machine: `localhost`, `127.x.x.x` or `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}

/**
 * The regional endpoint of an AWS service, e.g. `https://dynamodb.eu-west-1.amazonaws.com` (`.com.cn` for
 * the China regions).
 * @see https://docs.aws.amazon.com/general/latest/gr/rande.html
 */
export function regionalEndpoint(service: AwsServiceName, region: string): URL {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return new URL(`https://${service}.${region}.${suffix}/`);
}

/**
 * Parses one `--endpoint` value of the CLI, `<service>=<embedded | aws | URL>`.
 * @throws ServiceEndpointError when the value has no `=` (the message quotes it)
 * @example
 * ```ts
 * parseEndpointFlag('dynamodb=http://127.0.0.1:8000'); // ['dynamodb', 'http://127.0.0.1:8000']
 * ```
 */
export function parseEndpointFlag(flag: string): [string, string] {
  const equals = flag.indexOf('=');
  if (equals <= 0) {
    throw new ServiceEndpointError(
      `--endpoint takes <service>=<embedded|aws|URL>, e.g. dynamodb=http://127.0.0.1:8000; got ${JSON.stringify(flag)}`,
    );
  }
  return [flag.slice(0, equals).trim().toLowerCase(), flag.slice(equals + 1).trim()];
}
