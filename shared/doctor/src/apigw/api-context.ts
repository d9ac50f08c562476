/**
 * Finds the API Gateway API behind a URL: in the cloud assembly given, or — for a URL of `pnpm start` or a
 * chapter's `pnpm run dev` — in the chapter of this workspace the port belongs to.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type LoadedStack, loadAssembly } from '@cors-workshop/gateway/assembly';
import type { ApiModel } from './api-model.js';
import { type ApiLocation, locateApi, locateNamedApi } from './locate-api.js';
import { readApis } from './read-apis.js';

/**
 * The port of the lab; chapter NN serves its APIs from port `WORKSHOP_PORT + NN × 100` on, one port each, in
 * the order the local gateway serves them.
 * @see ../../../../scripts/lab/README.md
 */
export const WORKSHOP_PORT = 3000;

/** Where to look for the API. */
export interface ApiContextOptions {
  /** The URL fetched. */
  readonly url: URL;
  /** The request's method. */
  readonly method: string;
  /** A cloud assembly folder (`cdk.out`) or template file. @default - the workspace's chapter for a local URL */
  readonly assembly?: string;
  /** The API's logical ID (or `stack/logicalId`), when the assembly has several that fit. @default - found from the URL */
  readonly api?: string;
  /** `REST` or `HTTP`, when the answers tell. */
  readonly kind?: 'REST' | 'HTTP';
  /** Where to start looking for the workspace. @default process.cwd() */
  readonly cwd?: string;
}

/** The API behind a URL, or why the doctor does not know it. */
export type ApiContext =
  | { readonly location: ApiLocation; readonly assembly: string; readonly apis: readonly ApiModel[] }
  | { readonly unknown: string };

/**
 * Finds the API.
 * @throws GatewayConfigError when the assembly given cannot be read
 */
export function apiContext(options: ApiContextOptions): ApiContext {
  if (options.assembly !== undefined) {
    const stacks = loadAssembly(options.assembly);
    return inAssembly(options, options.assembly, stacks);
  }
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(options.url.hostname);
  if (!local) return { unknown: 'pass --assembly <cdk.out> to learn which resource sends each header' };
  const port = Number(options.url.port || 80);
  const chapter = Math.floor((port - WORKSHOP_PORT) / 100);
  const root = findWorkspace(options.cwd ?? process.cwd());
  if (root === undefined || chapter < 1 || chapter > 99) {
    return {
      unknown: `pass --assembly <cdk.out>: ${options.url.host} is not a port of this workspace's chapters`,
    };
  }
  const prefix = String(chapter).padStart(2, '0');
  const folder = readdirSync(join(root, 'chapters')).find((name) => name.startsWith(`${prefix}-`));
  const assembly = folder === undefined ? undefined : join(root, 'chapters', folder, 'cdk.out');
  if (assembly === undefined || !existsSync(join(assembly, 'manifest.json'))) {
    return { unknown: `pass --assembly <cdk.out>: no synthesized chapter ${prefix} serves port ${port}` };
  }
  const apis = readApis(loadAssembly(assembly));
  const index = port - WORKSHOP_PORT - chapter * 100;
  const api = options.api === undefined ? apis[index] : named(apis, options.api);
  if (api === undefined)
    return { unknown: `chapter ${folder} has no API number ${index + 1} (port ${port})` };
  const located = locateNamedApi(
    api,
    options.url,
    `chapter ${folder}'s API on port ${port}, as pnpm start serves it`,
  );
  return 'unknown' in located ? located : { location: located, assembly, apis };
}

function inAssembly(
  options: ApiContextOptions,
  assembly: string,
  stacks: readonly LoadedStack[],
): ApiContext {
  const apis = readApis(stacks);
  if (options.api !== undefined) {
    const api = named(apis, options.api);
    if (api === undefined) {
      return {
        unknown: `the assembly has no API ${options.api} (it has ${apis.map((each) => each.logicalId).join(', ') || 'none'})`,
      };
    }
    const located = locateNamedApi(api, options.url, 'named with --api');
    return 'unknown' in located ? located : { location: located, assembly, apis };
  }
  const fromOutputs = apiFromOutputs(assembly, stacks, options.url.href);
  const api = fromOutputs === undefined ? undefined : apis.find((each) => each.logicalId === fromOutputs);
  const located =
    api === undefined
      ? locateApi(apis, options.url, options.method, options.kind)
      : locateNamedApi(api, options.url, 'its URL is a stack output in outputs.json');
  return 'unknown' in located ? located : { location: located, assembly, apis };
}

function named(apis: readonly ApiModel[], name: string): ApiModel | undefined {
  return apis.find((api) => api.logicalId === name || `${api.stack}/${api.logicalId}` === name);
}

/**
 * The API whose URL, in the `outputs.json` next to the assembly (`cdk deploy --outputs-file`, or the local
 * gateway's `--outputs-file`), begins the URL.
 */
function apiFromOutputs(assembly: string, stacks: readonly LoadedStack[], url: string): string | undefined {
  const file = join(dirname(assembly), 'outputs.json');
  if (!existsSync(file)) return undefined;
  let outputs: Record<string, Record<string, unknown>>;
  try {
    outputs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
  } catch {
    return undefined;
  }
  let best: { api: string; length: number } | undefined;
  for (const stack of stacks) {
    for (const [key, value] of Object.entries(outputs[stack.stackName] ?? {})) {
      if (typeof value !== 'string' || !url.startsWith(value)) continue;
      const api = apiOfOutput(stack, key);
      if (api !== undefined && (best === undefined || value.length > best.length))
        best = { api, length: value.length };
    }
  }
  return best?.api;
}

/** The API an output's value refers to. */
function apiOfOutput(stack: LoadedStack, key: string): string | undefined {
  const resources = stack.template.Resources ?? {};
  const text = JSON.stringify(stack.template.Outputs?.[key]?.Value ?? null);
  for (const match of text.matchAll(/"Ref":"([^"]+)"/g)) {
    const type = resources[match[1]!]?.Type;
    if (type === 'AWS::ApiGateway::RestApi' || type === 'AWS::ApiGatewayV2::Api') return match[1];
  }
  return undefined;
}

/** The workspace root: the nearest folder up from `start` with `pnpm-workspace.yaml` and `chapters/`. */
function findWorkspace(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) && existsSync(join(dir, 'chapters'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
