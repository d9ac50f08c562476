/**
 * The `Uri` of a REST API `AWS` integration that calls an AWS service (not Lambda), parsed.
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_Integration.html
 */
export type ServiceIntegrationUri =
  | {
      /** `arn:aws:apigateway:<region>:<service>:action/<Action>`: the action is named, its input is the body. */
      readonly kind: 'action';
      readonly region: string;
      readonly service: string;
      readonly action: string;
    }
  | {
      /**
       * `arn:aws:apigateway:<region>:<service>:path/<path>`: the request goes to that path of the service's
       * endpoint; `{name}` placeholders are filled from `integration.request.path.<name>`.
       */
      readonly kind: 'path';
      readonly region: string;
      readonly service: string;
      /** The path after `path/`, e.g. `{bucket}/{key}` (without a leading `/`). */
      readonly path: string;
    };

const SERVICE_URI = /^arn:[^:]+:apigateway:([^:]*):([^:]+):(action|path)\/(.*)$/;

/**
 * Parses an AWS service integration URI. A service written with a subdomain (`<sub>.<service>`) keeps it in
 * `service`, for the caller to refuse or handle.
 * @returns `undefined` when `uri` is not of the form `arn:<partition>:apigateway:<region>:<service>:action/…`
 * or `…:path/…`
 * @example
 * ```ts
 * parseServiceIntegrationUri('arn:aws:apigateway:us-east-1:dynamodb:action/PutItem');
 * // { kind: 'action', region: 'us-east-1', service: 'dynamodb', action: 'PutItem' }
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-request-basic-setup.html
 */
export function parseServiceIntegrationUri(uri: string): ServiceIntegrationUri | undefined {
  const match = SERVICE_URI.exec(uri);
  if (!match) return undefined;
  const [, region, service, kind, rest] = match as unknown as [string, string, string, string, string];
  return kind === 'action'
    ? { kind: 'action', region, service, action: rest }
    : { kind: 'path', region, service, path: rest };
}

/** The `{name}` placeholders of a path-form URI, in order, e.g. `['bucket', 'key']` for `{bucket}/{key}`. */
export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
}
