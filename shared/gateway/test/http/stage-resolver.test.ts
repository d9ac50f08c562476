import { describe, expect, it } from 'vitest';
import type { HttpStage } from '../../src/http/http-api-model.js';
import { StageResolver } from '../../src/http/stage-resolver.js';

const stage = (name: string): [string, HttpStage] => [
  name,
  { name, variables: null, throttling: { defaults: undefined, routes: new Map() } },
];

describe('StageResolver', () => {
  it('serves $default at the root with the whole path', () => {
    const resolver = new StageResolver(new Map([stage('$default')]));

    expect(resolver.resolve('/items/1')).toMatchObject({
      stage: { name: '$default' },
      segments: ['items', '1'],
    });
    expect(resolver.resolve('/')).toMatchObject({ segments: [] });
  });

  it('serves a named stage under its name, the path below it', () => {
    const resolver = new StageResolver(new Map([stage('dev')]));

    expect(resolver.resolve('/dev/items/1')).toMatchObject({
      stage: { name: 'dev' },
      segments: ['items', '1'],
    });
    expect(resolver.resolve('/dev')).toMatchObject({ stage: { name: 'dev' }, segments: [] });
  });

  it('finds no stage for another path when there is no $default stage', () => {
    const resolver = new StageResolver(new Map([stage('dev')]));

    expect(resolver.resolve('/prod/items')).toBeUndefined();
    expect(resolver.resolve('/')).toBeUndefined();
  });

  it('prefers an explicitly named stage, and sends the rest to $default', () => {
    const resolver = new StageResolver(new Map([stage('$default'), stage('dev')]));

    expect(resolver.resolve('/dev/x')).toMatchObject({ stage: { name: 'dev' }, segments: ['x'] });
    expect(resolver.resolve('/development/x')).toMatchObject({
      stage: { name: '$default' },
      segments: ['development', 'x'],
    });
  });
});
