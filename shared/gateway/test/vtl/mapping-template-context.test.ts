// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` is Velocity and Java syntax in these strings
/**
 * `$context` and `$stageVariables` in a mapping template: one test per fact of the API Gateway reference
 * (§3 "The VTL environment"), each named after the fact.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { CONTEXT_KEYS } from '../../src/vtl/index.js';
import { REQUEST_CONTEXT, render } from './render-template.js';

describe('$context (reference §3)', () => {
  it('lists the recorded keys in the recorded order in $context.keySet()', () => {
    const keys = render('#foreach($key in $context.keySet())$key#if($foreach.hasNext),#end#end');
    expect(keys).toBe(
      'resourceId,resourcePath,httpMethod,extendedRequestId,requestTime,path,accountId,protocol,requestOverride,' +
        'stage,domainPrefix,requestTimeEpoch,requestId,identity,domainName,deploymentId,responseOverride,apiId',
    );
    expect(keys.split(',')).toEqual(CONTEXT_KEYS);
  });

  it('prints the nested maps as "" through $context.get(key)', () => {
    const template =
      '#foreach($key in $context.keySet())"$key": "$context.get($key)"#if($foreach.hasNext),#end#end';
    const printed = JSON.parse(`{${render(template)}}`) as Record<string, string>;
    expect(printed.identity).toBe('');
    expect(printed.requestOverride).toBe('');
    expect(printed.responseOverride).toBe('');
    expect(printed.stage).toBe('dev');
    expect(printed.requestTimeEpoch).toBe('1795610442000');
  });

  it('lists the recorded identity keys, null values rendering ""', () => {
    const template =
      '#foreach($key in $context.identity.keySet())$key=[$context.identity.get($key)]#if($foreach.hasNext),#end#end';
    expect(render(template)).toBe(
      'cognitoIdentityPoolId=[],accountId=[],cognitoIdentityId=[],caller=[],sourceIp=[203.0.113.9],' +
        'principalOrgId=[],accessKey=[],cognitoAuthenticationType=[],cognitoAuthenticationProvider=[],' +
        'userArn=[],userAgent=[curl/8.5.0],user=[]',
    );
  });

  it('has path, header, querystring in requestOverride and header in responseOverride', () => {
    const template =
      '#foreach($k in $context.requestOverride.keySet())$k,#end|#foreach($k in $context.responseOverride.keySet())$k,#end|' +
      '[$context.requestOverride.get("path")][$context.responseOverride.get("header")]';
    expect(render(template)).toBe('path,header,querystring,|header,|[][]');
  });

  it('reads the documented error fields of a gateway response', () => {
    const context = {
      ...REQUEST_CONTEXT,
      error: { message: 'Missing Authentication Token', messageString: '"Missing Authentication Token"' },
    };
    expect(render('{"message":$context.error.messageString}', { context })).toBe(
      '{"message":"Missing Authentication Token"}',
    );
  });

  it("reads $stageVariables.x, $stageVariables['x'] and ${stageVariables['x']}", () => {
    const stageVariables = { table: 'items', 'with-dash': 'ok' };
    expect(
      render("$stageVariables.table $stageVariables['table'] ${stageVariables['with-dash']}", {
        stageVariables,
      }),
    ).toBe('items items ok');
    expect(render('[$stageVariables.table]', { stageVariables: null })).toBe('[]');
  });
});
