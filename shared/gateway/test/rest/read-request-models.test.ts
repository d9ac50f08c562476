import { describe, expect, it } from 'vitest';
import type { CfnResource } from '../../src/assembly/cfn-template.js';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { InvalidModelError, RestApiModels } from '../../src/rest/read-request-models.js';

const model = (name: string, schema: unknown): CfnResource => ({
  Type: 'AWS::ApiGateway::Model',
  Properties: { RestApiId: { Ref: 'Api' }, Name: name, ContentType: 'application/json', Schema: schema },
});

function modelsOf(models: Record<string, CfnResource>): RestApiModels {
  const api: CfnResource = { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'api' } };
  const resolver = new IntrinsicResolver(
    { Resources: { Api: api, ...models } },
    's',
    localPseudoParameters({}),
  );
  return new RestApiModels('abc123', Object.entries(models), resolver);
}

describe('the models of a REST API', () => {
  it("refuses a model whose schema is not valid draft 4 when the API loads, naming the model's resource", () => {
    const load = () => modelsOf({ Broken: model('Broken', { type: 'no-such-type' }) });
    expect(load).toThrow(InvalidModelError);
    expect(load).toThrow(/Invalid model schema specified/);
    try {
      load();
    } catch (error) {
      expect((error as InvalidModelError).resource).toBe('Broken');
    }
  });

  it("validates a body against one of the API's own models, by its name", () => {
    const validate = modelsOf({
      Item: model('Item', { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }),
    }).validator('Item', 'Method');
    expect(validate({ id: 'a' })).toBe(true);
    expect(validate({ id: 1 })).toBe(false);
    expect(validate({})).toBe(false);
  });

  it('validates against the built-in Empty model in an API that declares no model of its own', () => {
    const validate = modelsOf({}).validator('Empty', 'Method');
    expect(validate({ anything: true })).toBe(true);
    expect(validate('a string')).toBe(false);
  });

  it('refuses a method that names a model the API does not have, naming the method', () => {
    expect(() => modelsOf({}).validator('Missing', 'GetMethod')).toThrow(
      'Invalid model identifier specified: Missing',
    );
  });
});
