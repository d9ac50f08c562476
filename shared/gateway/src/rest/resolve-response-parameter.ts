import { JSONPath } from 'jsonpath-plus';
import type { ResponseParameterSource } from './response-parameter.js';

/**
 * The value a response mapping expression gives for one response, or `undefined` when it maps to nothing
 * (the header is then left out, as API Gateway does).
 * @param request - gives `$context` (read only for `context.X`, so it can be built lazily)
 * @param integrationBody - the integration's response body, for `integration.response.body[.path]`
 * @param integrationHeaders - the integration's response headers (an AWS service's), for
 *   `integration.response.header.X` (matched without regard to case; several values joined with `,`);
 *   a Lambda integration has none
 */
export function resolveResponseParameter(
  source: ResponseParameterSource,
  request: { readonly context: Record<string, unknown> },
  stageVariables: Readonly<Record<string, string>> | null,
  integrationBody: string,
  integrationHeaders: ReadonlyArray<readonly [string, string]> = [],
): string | undefined {
  switch (source.kind) {
    case 'static':
      return source.value;
    case 'integration-header': {
      const lower = source.name.toLowerCase();
      const values = integrationHeaders.filter(([name]) => name.toLowerCase() === lower).map(([, v]) => v);
      return values.length === 0 ? undefined : values.join(',');
    }
    case 'stage-variable':
      return stageVariables?.[source.name];
    case 'context': {
      let value: unknown = request.context;
      for (const key of source.path) value = (value as Record<string, unknown> | undefined)?.[key];
      return value === undefined || value === null ? undefined : String(value);
    }
    case 'integration-body': {
      if (source.jsonPath === undefined) return integrationBody;
      let parsed: unknown;
      try {
        parsed = JSON.parse(integrationBody);
      } catch {
        return undefined;
      }
      const [found] = JSONPath({
        path: `$.${source.jsonPath}`,
        json: parsed as object,
        wrap: true,
      }) as unknown[];
      if (found === undefined || found === null) return undefined;
      return typeof found === 'string' ? found : JSON.stringify(found);
    }
  }
}
