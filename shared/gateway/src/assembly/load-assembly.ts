import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GatewayConfigError } from '../errors.js';
import type { CfnTemplate } from './cfn-template.js';

/** One stack of a cloud assembly, as the gateway reads it. */
export interface LoadedStack {
  /** The deployed stack name (`stackName`), e.g. `proxy-cors-restapi-stack`. */
  readonly stackName: string;
  /** The artifact ID, i.e. the construct ID of the stack, e.g. `ProxyCorsRestapiStack`. */
  readonly artifactId: string;
  /** The template file, for error messages. */
  readonly templateFile: string;
  /** The parsed template. */
  readonly template: CfnTemplate;
  /**
   * Local folders of file assets, by S3 object key (`<hash>.zip`) and by asset hash.
   * Empty when the template was given alone.
   */
  readonly assets: ReadonlyMap<string, string>;
  /** The folder relative asset paths (`aws:asset:path` metadata) are resolved against. */
  readonly baseDir: string;
  /**
   * The exported outputs of the nested stacks inlined into `template`, by prefixed name.
   * @default - none
   */
  readonly nestedOutputs?: CfnTemplate['Outputs'];
  /**
   * The logical IDs of the nested stacks (`AWS::CloudFormation::Stack`) inlined into `template`.
   * @default - none
   */
  readonly nestedStacks?: readonly string[];
}

interface Manifest {
  readonly artifacts?: Record<
    string,
    {
      readonly type: string;
      readonly properties?: {
        readonly templateFile?: string;
        readonly stackName?: string;
        readonly file?: string;
        readonly directoryName?: string;
      };
      readonly dependencies?: string[];
    }
  >;
}

interface AssetManifest {
  readonly files?: Record<
    string,
    {
      readonly source?: { readonly path?: string; readonly packaging?: string };
      readonly destinations?: Record<string, { readonly objectKey?: string }>;
    }
  >;
}

/**
 * Reads a cloud assembly folder (`cdk.out`) or one template file.
 * @param source - a folder holding `manifest.json`, or a `.json` template
 * @param stack - keep only the stack with this `stackName` or artifact ID
 * @throws GatewayConfigError naming the file when it is missing or malformed
 */
export function loadAssembly(source: string, stack?: string): LoadedStack[] {
  return selectStacks(readStacks(source), source, stack);
}

/**
 * Reads every stack of a cloud assembly folder (nested assemblies included) or the one stack of a template
 * file.
 * @throws GatewayConfigError naming the file when it is missing or malformed
 */
export function readStacks(source: string): LoadedStack[] {
  const path = resolve(source);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new GatewayConfigError('no such file or folder; synthesize the app first (cdk synth)', {
      file: path,
    });
  }
  return isDirectory ? readAssemblyFolder(path) : [readTemplateFile(path)];
}

/**
 * The stacks `stack` names (by `stackName` or artifact ID), or all of them.
 * @throws GatewayConfigError when none is left, listing the stacks there are
 */
export function selectStacks(stacks: LoadedStack[], source: string, stack?: string): LoadedStack[] {
  const path = resolve(source);
  const selected = stack ? stacks.filter((s) => s.stackName === stack || s.artifactId === stack) : stacks;
  if (selected.length === 0) {
    const names = stacks.map((s) => s.artifactId).join(', ') || 'none';
    throw new GatewayConfigError(
      stack ? `no stack named "${stack}" (stacks: ${names})` : 'the assembly holds no CloudFormation stack',
      { file: path },
    );
  }
  return selected;
}

function readAssemblyFolder(dir: string): LoadedStack[] {
  const manifestFile = join(dir, 'manifest.json');
  const manifest = readJson<Manifest>(manifestFile, 'a cloud assembly manifest');
  const artifacts = manifest.artifacts;
  if (!artifacts || typeof artifacts !== 'object') {
    throw new GatewayConfigError('"artifacts" is missing; is this a cloud assembly?', { file: manifestFile });
  }
  const stacks: LoadedStack[] = [];
  for (const [artifactId, artifact] of Object.entries(artifacts)) {
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      stacks.push(...readAssemblyFolder(join(dir, artifact.properties.directoryName)));
      continue;
    }
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const templateName = artifact.properties?.templateFile;
    if (!templateName) {
      throw new GatewayConfigError(`stack artifact "${artifactId}" has no templateFile`, {
        file: manifestFile,
      });
    }
    const templateFile = join(dir, templateName);
    const assets = new Map<string, string>();
    for (const dependency of artifact.dependencies ?? []) {
      const assetArtifact = artifacts[dependency];
      if (assetArtifact?.type !== 'cdk:asset-manifest' || !assetArtifact.properties?.file) continue;
      readAssetManifest(join(dir, assetArtifact.properties.file), dir, assets);
    }
    stacks.push({
      stackName: artifact.properties?.stackName ?? artifactId,
      artifactId,
      templateFile,
      template: readTemplate(templateFile),
      assets,
      baseDir: dir,
    });
  }
  return stacks;
}

function readAssetManifest(file: string, dir: string, into: Map<string, string>): void {
  const manifest = readJson<AssetManifest>(file, 'an asset manifest');
  for (const [hash, asset] of Object.entries(manifest.files ?? {})) {
    if (!asset.source?.path) continue;
    const folder = join(dir, asset.source.path);
    into.set(hash, folder);
    for (const destination of Object.values(asset.destinations ?? {})) {
      if (destination.objectKey) into.set(destination.objectKey, folder);
    }
  }
}

function readTemplateFile(file: string): LoadedStack {
  const template = readTemplate(file);
  const name = file.replace(/^.*[\\/]/, '').replace(/(\.template)?\.json$/, '');
  const assets = new Map<string, string>();
  try {
    readAssetManifest(file.replace(/(\.template)?\.json$/, '.assets.json'), dirname(file), assets);
  } catch {
    // A template on its own has no asset manifest; functions then need `aws:asset:path` metadata.
  }
  return { stackName: name, artifactId: name, templateFile: file, template, assets, baseDir: dirname(file) };
}

/**
 * Reads and checks one template file: a JSON object whose resources all have a `Type`.
 * @throws GatewayConfigError naming the file (and the resource)
 */
export function readTemplate(file: string): CfnTemplate {
  const template = readJson<CfnTemplate>(file, 'a CloudFormation template');
  if (template === null || typeof template !== 'object' || Array.isArray(template)) {
    throw new GatewayConfigError('a CloudFormation template must be a JSON object', { file });
  }
  if (
    template.Resources !== undefined &&
    (typeof template.Resources !== 'object' || template.Resources === null)
  ) {
    throw new GatewayConfigError('"Resources" must be an object', { file });
  }
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    if (!resource || typeof resource !== 'object' || typeof resource.Type !== 'string') {
      throw new GatewayConfigError('a resource needs a "Type" string', { file, resource: logicalId });
    }
  }
  return template;
}

function readJson<T>(file: string, what: string): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GatewayConfigError(`cannot read ${what}: ${(error as NodeJS.ErrnoException).code ?? error}`, {
      file,
    });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new GatewayConfigError(`${what} is not valid JSON: ${(error as Error).message}`, { file });
  }
}
