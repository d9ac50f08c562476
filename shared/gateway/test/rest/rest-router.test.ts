import { describe, expect, it } from 'vitest';
import type { RestMethod, RestResource } from '../../src/rest/rest-api-model.js';
import { matchRestRoute, splitStagePath } from '../../src/rest/rest-router.js';

function node(path: string, methods: string[] = []): RestResource {
  return {
    id: path,
    logicalId: path,
    path,
    children: new Map(),
    parameterChild: undefined,
    greedyChild: undefined,
    methods: new Map(methods.map((m) => [m, { httpMethod: m } as RestMethod])),
  };
}

function tree() {
  const root = node('/', ['GET']);
  const items = node('/items', ['GET']);
  const special = node('/items/special', ['GET']);
  const item = node('/items/{id}', ['GET', 'DELETE']);
  const proxy = node('/{proxy+}', ['ANY']);
  root.children.set('items', items);
  items.children.set('special', special);
  items.parameterChild = { name: 'id', resource: item };
  root.greedyChild = { name: 'proxy', resource: proxy };
  return root;
}

describe('matchRestRoute', () => {
  it('prefers a literal path part over a parameter', () => {
    expect(matchRestRoute(tree(), ['items', 'special'], 'GET')?.resource.path).toBe('/items/special');
  });

  it('falls back to the parameter when the literal resource lacks the method', () => {
    const route = matchRestRoute(tree(), ['items', 'special'], 'DELETE');
    expect(route?.resource.path).toBe('/items/{id}');
    expect(route?.pathParameters).toEqual({ id: 'special' });
  });

  it('falls back to {proxy+} with ANY when nothing more specific serves the method', () => {
    const route = matchRestRoute(tree(), ['items'], 'POST');
    expect(route?.resource.path).toBe('/{proxy+}');
    expect(route?.method.httpMethod).toBe('ANY');
    expect(route?.pathParameters).toEqual({ proxy: 'items' });
  });

  it('does not let {proxy+} match the root', () => {
    expect(matchRestRoute(tree(), [], 'POST')).toBeUndefined();
  });

  it('has null path parameters when the resource has none', () => {
    expect(matchRestRoute(tree(), ['items'], 'GET')?.pathParameters).toBeNull();
  });
});

describe('splitStagePath', () => {
  it('takes the first segment as the stage and routes without empty segments', () => {
    expect(splitStagePath('/prod//items/1/')).toMatchObject({ stage: 'prod', segments: ['items', '1'] });
    expect(splitStagePath('//prod/items')).toMatchObject({ stage: 'prod', segments: ['items'] });
    expect(splitStagePath('/')).toEqual({ stage: '', segments: [], tails: [] });
  });

  it('keeps the rest of the path as sent for a greedy parameter, inner empty segments included', () => {
    expect(splitStagePath('/prod/a//b/c/').tails).toEqual(['a//b/c', 'b/c', 'c']);
    expect(splitStagePath('/prod//a').tails).toEqual(['a']);
  });
});
