import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { synthStack } from '../src/synth-stack.js';
import { TinyStack } from './fixtures/tiny-app/tiny-stack.js';

const projectDir = fileURLToPath(new URL('./fixtures/tiny-app/', import.meta.url));

function resourceTypes(template: { Resources?: Record<string, { Type: string }> }): string[] {
  return Object.values(template.Resources ?? {}).map((resource) => resource.Type);
}

describe('synthStack', () => {
  it('applies the feature flags of cdk.json: the API gets no CloudWatch role', () => {
    const synth = synthStack((app) => new TinyStack(app, 'TinyStack'), { projectDir });
    synth.dispose();

    expect(resourceTypes(synth.template)).toContain('AWS::ApiGateway::RestApi');
    expect(resourceTypes(synth.template)).not.toContain('AWS::ApiGateway::Account');
  });

  it('lets options.context override cdk.json, bringing the CloudWatch role back', () => {
    const synth = synthStack((app) => new TinyStack(app, 'TinyStack'), {
      projectDir,
      context: { '@aws-cdk/aws-apigateway:disableCloudWatchRole': false },
    });
    synth.dispose();

    expect(resourceTypes(synth.template)).toContain('AWS::ApiGateway::Account');
  });

  it('applies the metadata settings of cdk.json: no aws:cdk:path and no CDKMetadata resource', () => {
    const synth = synthStack((app) => new TinyStack(app, 'TinyStack'), { projectDir });
    synth.dispose();

    expect(JSON.stringify(synth.template)).not.toContain('aws:cdk:path');
    expect(resourceTypes(synth.template)).not.toContain('AWS::CDK::Metadata');
  });

  it('adds path metadata when cdk.json does not turn it off, as cdk synth does', () => {
    const synth = synthStack((app) => new TinyStack(app, 'TinyStack'), {
      projectDir,
      context: { 'aws:cdk:enable-path-metadata': true },
    });
    synth.dispose();

    const api = Object.values(synth.template.Resources ?? {}).find(
      (r) => r.Type === 'AWS::ApiGateway::RestApi',
    );

    expect(api?.Metadata).toEqual({ 'aws:cdk:path': 'TinyStack/TinyApi/Resource' });
  });

  it('skips bundling and staging by default, so no asset folder is written', () => {
    const synth = synthStack((app) => new TinyStack(app, 'TinyStack', { withFunction: true }), {
      projectDir,
    });
    const entries = readdirSync(synth.assemblyDir);
    synth.dispose();

    expect(resourceTypes(synth.template)).toContain('AWS::Lambda::Function');
    expect(entries.filter((entry) => entry.startsWith('asset.'))).toEqual([]);
  });

  it('bundles with the local esbuild when asked, and the bundle runs', { timeout: 60_000 }, async () => {
    const synth = synthStack((app) => new TinyStack(app, 'TinyStack', { withFunction: true }), {
      projectDir,
      bundling: true,
    });
    try {
      const [assetFolder] = readdirSync(synth.assemblyDir).filter((entry) => entry.startsWith('asset.'));
      expect(assetFolder).toBeDefined();
      const bundle = join(synth.assemblyDir, assetFolder as string, 'index.js');
      const code = readFileSync(bundle, 'utf8');

      const module = { exports: {} as { handler?: () => Promise<unknown> } };
      new Function('module', 'exports', 'process', code)(module, module.exports, {
        env: { GREETING: 'hello from cdk.json' },
      });
      await expect(module.exports.handler?.()).resolves.toEqual({
        statusCode: 200,
        body: '{"greeting":"hello from cdk.json"}',
      });
    } finally {
      synth.dispose();
    }
  });

  it('reads the context of cdk.json into the app, for constructs that look it up', () => {
    const synth = synthStack((app) => new TinyStack(app, 'TinyStack', { withFunction: true }), {
      projectDir,
    });
    synth.dispose();
    const fn = Object.values(synth.template.Resources ?? {}).find((r) => r.Type === 'AWS::Lambda::Function');

    expect(fn?.Properties?.Environment).toEqual({ Variables: { GREETING: 'hello from cdk.json' } });
  });

  it('returns the selected stack by stack name or by artifact ID', () => {
    const build = (app: App) => {
      new TinyStack(app, 'First', { stackName: 'first-stack' });
      new TinyStack(app, 'Second', { stackName: 'second-stack', description: 'the second' });
    };
    const byName = synthStack(build, { projectDir, stack: 'second-stack' });
    const byId = synthStack(build, { projectDir, stack: 'First' });
    byName.dispose();
    byId.dispose();

    expect([byName.stackName, byName.artifactId, byName.template.Description]).toEqual([
      'second-stack',
      'Second',
      'the second',
    ]);
    expect([byId.stackName, byId.artifactId]).toEqual(['first-stack', 'First']);
  });

  it('asks for a stack when the app has several, listing them', () => {
    const build = (app: App) => {
      new TinyStack(app, 'First', { stackName: 'first-stack' });
      new TinyStack(app, 'Second', { stackName: 'second-stack' });
    };

    expect(() => synthStack(build, { projectDir })).toThrow(
      'synthStack needs the "stack" option when the app has 2 stacks: "first-stack" (First), "second-stack" (Second)',
    );
  });

  it('names the stacks it has when the wanted one is missing', () => {
    expect(() => synthStack((app) => new TinyStack(app, 'TinyStack'), { projectDir, stack: 'nope' })).toThrow(
      'No stack "nope" in the app; its stacks are: "TinyStack" (TinyStack)',
    );
  });

  it('removes the folder it created on dispose(), and only that folder', () => {
    const created = synthStack((app) => new TinyStack(app, 'TinyStack'), { projectDir });
    const outdir = mkdtempSync(join(tmpdir(), 'synth-stack-given-'));
    const given = synthStack((app) => new TinyStack(app, 'TinyStack'), { projectDir, outdir });

    expect(existsSync(join(created.assemblyDir, 'manifest.json'))).toBe(true);
    created.dispose();
    given.dispose();

    expect(existsSync(created.assemblyDir)).toBe(false);
    expect(existsSync(join(outdir, 'manifest.json'))).toBe(true);
    rmSync(outdir, { recursive: true, force: true });
  });

  it('removes the folder it created when the build fails', () => {
    const ownTmp = mkdtempSync(join(tmpdir(), 'synth-stack-tmp-'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = ownTmp;
    const failing = () => {
      throw new Error('the stack cannot be built');
    };
    try {
      expect(() => synthStack(failing, { projectDir })).toThrow('the stack cannot be built');
      expect(readdirSync(ownTmp)).toEqual([]);
    } finally {
      if (savedTmp === undefined) {
        delete process.env.TMPDIR;
      } else {
        process.env.TMPDIR = savedTmp;
      }
      rmSync(ownTmp, { recursive: true, force: true });
    }
  });
});
