import { createRequire } from 'node:module';
import type AjvModule from 'ajv-draft-04';
import type { CfnResource } from '../assembly/cfn-template.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { BodyValidator } from './method-request-model.js';

/** A model schema could not be used; `resource` is the model's logical ID. */
export class InvalidModelError extends Error {
  override readonly name = 'InvalidModelError';
  constructor(
    message: string,
    readonly resource: string,
  ) {
    super(message);
  }
}

type Ajv = InstanceType<typeof AjvModule.default>;

/**
 * A new draft-04 Ajv, its module (CommonJS, whose `default` is the class) loaded on first use: an app with
 * no model and no validated body never loads it.
 */
function newAjv(): Ajv {
  const loaded = createRequire(import.meta.url)('ajv-draft-04') as { default: typeof AjvModule.default };
  return new loaded.default({ strict: false, allErrors: false });
}

/** The models API Gateway creates in every REST API. */
const BUILT_IN_MODELS: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  ['Empty', { $schema: 'http://json-schema.org/draft-04/schema#', title: 'Empty Schema', type: 'object' }],
  [
    'Error',
    {
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'Error Schema',
      type: 'object',
      properties: { message: { type: 'string' } },
    },
  ],
];

/**
 * The JSON Schema (draft 4) models of one REST API, compiled at load. A model is found by its `Name` or by
 * what `Ref` gives for it, and may `$ref` another model of the API by its URL
 * `https://apigateway.amazonaws.com/restapis/<api id>/models/<name>`, as in AWS.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html
 */
export class RestApiModels {
  #ajvInstance: Ajv | undefined;
  /** The schemas to add to Ajv, by their ID: the built-in models' and the API's own. */
  readonly #schemas: Array<{ readonly logicalId: string; readonly id: string; readonly schema: object }> = [];
  readonly #ids = new Map<string, { readonly schemaId: string; readonly logicalId: string }>();
  readonly #compiled = new Map<string, BodyValidator>();

  /**
   * @param models - the API's `AWS::ApiGateway::Model` resources
   * @throws InvalidModelError when a schema is not valid JSON or not a valid draft-4 schema
   */
  constructor(
    apiId: string,
    models: ReadonlyArray<readonly [string, CfnResource]>,
    resolver: IntrinsicResolver,
  ) {
    const base = `https://apigateway.amazonaws.com/restapis/${apiId}/models/`;
    const declared: Array<readonly [string, string, unknown]> = BUILT_IN_MODELS.map(([name, schema]) => [
      name,
      name,
      schema,
    ]);
    for (const [logicalId, r] of models) {
      const props = resolver.resolve(r.Properties ?? {}) as Record<string, unknown>;
      const name = typeof props.Name === 'string' ? props.Name : String(resolver.ref(logicalId));
      declared.push([logicalId, name, props.Schema ?? {}]);
      this.#ids.set(String(resolver.ref(logicalId)), { schemaId: base + name, logicalId });
    }
    for (const [logicalId, name, raw] of declared) {
      this.#ids.set(name, { schemaId: base + name, logicalId });
      let schema: unknown = raw;
      if (typeof raw === 'string') {
        try {
          schema = JSON.parse(raw);
        } catch {
          throw new InvalidModelError(
            `Invalid model specified: the schema is not JSON: ${raw.slice(0, 120)}`,
            logicalId,
          );
        }
      }
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
        throw new InvalidModelError(`Invalid model schema specified: ${JSON.stringify(schema)}`, logicalId);
      }
      const { $schema: _dialect, ...rest } = schema as Record<string, unknown>;
      this.#schemas.push({ logicalId, id: base + name, schema: { ...rest, id: base + name } });
    }
    // The API's own models are checked at load, as AWS checks them at deploy; the built-in ones are valid.
    if (models.length > 0) this.#ajv();
  }

  /** Ajv with every model's schema added, created on first use. */
  #ajv(): Ajv {
    if (this.#ajvInstance) return this.#ajvInstance;
    const ajv = newAjv();
    for (const { logicalId, id, schema } of this.#schemas) {
      try {
        ajv.addSchema(schema, id);
      } catch (error) {
        throw new InvalidModelError(`Invalid model schema specified: ${(error as Error).message}`, logicalId);
      }
    }
    this.#ajvInstance = ajv;
    return ajv;
  }

  /**
   * The validator of the model named (or referenced) by `model`.
   * @param where - the method's logical ID, named when the model or one of its `$ref`s is unknown
   * @throws InvalidModelError naming `where` when the model is unknown or its schema does not compile
   */
  validator(model: string, where: string): BodyValidator {
    const known = this.#ids.get(model);
    if (!known) throw new InvalidModelError(`Invalid model identifier specified: ${model}`, where);
    let validate = this.#compiled.get(known.schemaId);
    if (!validate) {
      try {
        const compiled = this.#ajv().getSchema(known.schemaId)!;
        validate = (body) => compiled(body) === true;
      } catch (error) {
        throw new InvalidModelError(
          `Invalid model schema specified: ${(error as Error).message}`,
          known.logicalId,
        );
      }
      this.#compiled.set(known.schemaId, validate);
    }
    return validate;
  }
}
