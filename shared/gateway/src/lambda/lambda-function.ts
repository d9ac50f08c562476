import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';
import { stableId } from '../assembly/physical-ids.js';
import { GatewayConfigError } from '../errors.js';

/** What the local Lambda runtime needs to run one `AWS::Lambda::Function`. */
export interface LambdaFunctionDefinition {
  readonly logicalId: string;
  readonly functionName: string;
  /** The local ARN, as `Fn::GetAtt [fn, Arn]` resolves it. */
  readonly arn: string;
  /** The folder holding the function's code (the bundled asset). */
  readonly codeDir: string;
  /** `file.export`, e.g. `index.handler`. */
  readonly handler: string;
  /** e.g. `nodejs22.x`. */
  readonly runtime: string;
  /** @default 3 (seconds), as on AWS */
  readonly timeoutSeconds: number;
  /** @default 128 (MB), as on AWS */
  readonly memoryMb: number;
  /** The template's `Environment.Variables`, resolved. */
  readonly environment: Readonly<Record<string, string>>;
  /** The template file, for error messages. */
  readonly templateFile: string;
  /** The region the function runs in. */
  readonly region: string;
}

/**
 * Reads every `AWS::Lambda::Function` of a stack: where its code is (asset folder from the asset manifest,
 * `aws:asset:path` metadata, or inline `ZipFile`), its handler, timeout, memory and resolved environment.
 * Functions whose code is not local (e.g. an S3 object of another stack) are skipped; an integration that
 * points at one is refused when the API is read.
 */
export function readLambdaFunctions(
  stack: LoadedStack,
  resolver: IntrinsicResolver,
): Map<string, LambdaFunctionDefinition> {
  const functions = new Map<string, LambdaFunctionDefinition>();
  for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const definition = readLambdaFunction(stack, resolver, logicalId);
    if (definition) functions.set(logicalId, definition);
  }
  return functions;
}

/**
 * Reads one `AWS::Lambda::Function` of a stack, as {@link readLambdaFunctions} does.
 * @returns `undefined` when its code is not local
 * @throws GatewayConfigError naming the function when it is malformed
 */
export function readLambdaFunction(
  stack: LoadedStack,
  resolver: IntrinsicResolver,
  logicalId: string,
): LambdaFunctionDefinition | undefined {
  const resource = stack.template.Resources?.[logicalId];
  if (resource?.Type !== 'AWS::Lambda::Function') return undefined;
  {
    const where = { file: stack.templateFile, resource: logicalId };
    const props = resource.Properties ?? {};
    const codeDir = locateCode(stack, resolver, logicalId, props, resource.Metadata);
    if (!codeDir) return undefined;
    const handler =
      props.Handler === undefined ? undefined : resolver.resolveString(props.Handler, 'Handler');
    const runtime =
      props.Runtime === undefined ? undefined : resolver.resolveString(props.Runtime, 'Runtime');
    if (!handler || !runtime) {
      throw new GatewayConfigError('a function with code needs "Handler" and "Runtime"', where);
    }
    const variables = resolver.resolve(
      (props.Environment as { Variables?: unknown } | undefined)?.Variables ?? {},
    ) as Record<string, unknown>;
    const environment: Record<string, string> = {};
    for (const [key, value] of Object.entries(variables)) environment[key] = String(value);
    const timeoutSeconds = props.Timeout === undefined ? 3 : Number(resolver.resolve(props.Timeout));
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 900) {
      throw new GatewayConfigError(
        `"Timeout" must be 1 to 900 seconds, got ${JSON.stringify(props.Timeout)}`,
        where,
      );
    }
    const memoryMb = props.MemorySize === undefined ? 128 : Number(resolver.resolve(props.MemorySize));
    return {
      logicalId,
      functionName: resolver.ref(logicalId) as string,
      arn: resolver.getAtt([logicalId, 'Arn']),
      codeDir,
      handler,
      runtime,
      timeoutSeconds,
      memoryMb,
      environment,
      templateFile: stack.templateFile,
      region: resolver.pseudo.region,
    };
  }
}

function locateCode(
  stack: LoadedStack,
  resolver: IntrinsicResolver,
  logicalId: string,
  props: Record<string, unknown>,
  metadata: Record<string, unknown> | undefined,
): string | undefined {
  const code = (props.Code ?? {}) as Record<string, unknown>;
  if (typeof code.ZipFile === 'string') {
    const dir = join(tmpdir(), 'cors-gateway-inline', stableId(`${stack.templateFile}/${logicalId}`, 16));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.js'), code.ZipFile);
    return dir;
  }
  const assetPath = metadata?.['aws:asset:path'];
  if (typeof assetPath === 'string')
    return isAbsolute(assetPath) ? assetPath : join(stack.baseDir, assetPath);
  if (code.S3Key !== undefined) {
    const key = resolver.resolveString(code.S3Key, 'Code.S3Key');
    return stack.assets.get(key) ?? stack.assets.get(key.replace(/\.zip$/, ''));
  }
  return undefined;
}
