import {
  compileMappingTemplate,
  emptyOverrides,
  type MappingInput,
  type MappingOverrides,
  type MappingResult,
} from '../../src/vtl/index.js';

/** A `$context` like the gateway builds for `POST /dev/sqs`. */
export const REQUEST_CONTEXT: Readonly<Record<string, unknown>> = {
  accountId: '111111111111',
  apiId: 'a1b2c3d4e5',
  deploymentId: 'dep123',
  domainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
  domainPrefix: 'a1b2c3d4e5',
  extendedRequestId: 'ext-1',
  httpMethod: 'POST',
  identity: { sourceIp: '203.0.113.9', userAgent: 'curl/8.5.0', accessKey: null },
  path: '/dev/sqs',
  protocol: 'HTTP/1.1',
  requestId: 'req-1',
  requestTime: '25/Nov/2026:12:50:42 +0000',
  requestTimeEpoch: 1795610442000,
  resourceId: 'res1',
  resourcePath: '/sqs',
  stage: 'dev',
};

/** What a test varies about a render. */
export interface RenderOptions {
  readonly body?: string;
  readonly path?: Readonly<Record<string, string>>;
  readonly querystring?: Readonly<Record<string, string>>;
  readonly header?: Readonly<Record<string, string>>;
  readonly context?: Readonly<Record<string, unknown>>;
  readonly stageVariables?: Readonly<Record<string, string>> | null;
  readonly overrides?: MappingOverrides;
}

/** The render input for `options`. */
export function mappingInput(options: RenderOptions = {}): MappingInput {
  return {
    body: options.body ?? '',
    params: {
      path: options.path ?? {},
      querystring: options.querystring ?? {},
      header: options.header ?? {},
    },
    context: options.context ?? REQUEST_CONTEXT,
    stageVariables: options.stageVariables ?? null,
    overrides: options.overrides ?? emptyOverrides(),
  };
}

/** Compiles `source` and renders it once. */
export function renderTemplate(source: string, options: RenderOptions = {}): MappingResult {
  return compileMappingTemplate(source, 'TestMethod RequestTemplates["application/json"]').render(
    mappingInput(options),
  );
}

/** Compiles `source`, renders it once and returns the output. */
export function render(source: string, options: RenderOptions = {}): string {
  return renderTemplate(source, options).output;
}

/** The response template of a multi-origin CORS preflight, as chapter 01 synthesizes it. */
export const MULTI_ORIGIN = [
  '#set($origin = $input.params().header.get("Origin"))',
  '#if($origin == "")',
  '  #set($origin = $input.params().header.get("origin"))',
  '#end',
  '#if($origin == "http://localhost:5173" || $origin == "https://app.example.com")',
  '  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
  '#end',
].join('\n');
