import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contextFromCdkJson, readCdkJson } from '../src/cdk-json-context.js';

const folders: string[] = [];

function projectWith(cdkJson: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'cdk-json-context-'));
  folders.push(folder);
  writeFileSync(join(folder, 'cdk.json'), cdkJson);
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) {
    rmSync(folder, { recursive: true, force: true });
  }
});

describe('contextFromCdkJson', () => {
  it('passes the context of cdk.json through, feature flags included', () => {
    const project = projectWith(
      JSON.stringify({
        app: 'tsx bin/app.ts',
        context: {
          '@aws-cdk/aws-apigateway:disableCloudWatchRole': true,
          allowedOrigins: ['https://a.example'],
        },
      }),
    );

    expect(contextFromCdkJson(project)).toMatchObject({
      '@aws-cdk/aws-apigateway:disableCloudWatchRole': true,
      allowedOrigins: ['https://a.example'],
    });
  });

  it('turns on path metadata, asset metadata and version reporting when cdk.json says nothing, as the CLI does', () => {
    const context = contextFromCdkJson(projectWith('{}'));

    expect(context).toEqual({
      'aws:cdk:enable-path-metadata': true,
      'aws:cdk:enable-asset-metadata': true,
      'aws:cdk:version-reporting': true,
      'aws:cdk:bundling-stacks': ['**'],
      '@aws-cdk/core:failSynthOnValidationErrors': false,
    });
  });

  it('turns the metadata and version reporting off when cdk.json does', () => {
    const context = contextFromCdkJson(
      projectWith(JSON.stringify({ pathMetadata: false, assetMetadata: false, versionReporting: false })),
    );

    expect(context).toEqual({
      'aws:cdk:disable-version-reporting': true,
      'aws:cdk:bundling-stacks': ['**'],
      '@aws-cdk/core:failSynthOnValidationErrors': false,
    });
  });

  it('maps staging and bundlingStacks to their context keys', () => {
    const context = contextFromCdkJson(
      projectWith(JSON.stringify({ staging: false, bundlingStacks: ['Api*'] })),
    );

    expect(context).toMatchObject({
      'aws:cdk:disable-asset-staging': true,
      'aws:cdk:bundling-stacks': ['Api*'],
    });
  });

  it('lets the settings win over a context key of the same name', () => {
    const context = contextFromCdkJson(
      projectWith(JSON.stringify({ pathMetadata: false, context: { 'aws:cdk:bundling-stacks': [] } })),
    );

    expect(context['aws:cdk:bundling-stacks']).toEqual(['**']);
  });
});

describe('readCdkJson', () => {
  it('names the missing file', () => {
    const project = projectWith('{}');
    rmSync(join(project, 'cdk.json'));

    expect(() => readCdkJson(project)).toThrow(`Cannot read "${join(project, 'cdk.json')}"`);
  });

  it('names a file that is not JSON', () => {
    const project = projectWith('{ "app": ');

    expect(() => readCdkJson(project)).toThrow(`"${join(project, 'cdk.json')}" is not valid JSON`);
  });

  it('quotes a value that is not an object', () => {
    const project = projectWith('["tsx bin/app.ts"]');

    expect(() => readCdkJson(project)).toThrow('must hold a JSON object, got ["tsx bin/app.ts"]');
  });
});
