import AjvModule from 'ajv-draft-04';
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

/** The draft-04 Ajv class (a CommonJS module whose `default` is the class). */
const Ajv = (AjvModule as unknown as { default: typeof AjvModule.default }).default;

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
  readonly #ajv = new Ajv({ strict: false, allErrors: false });
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
      try {
        this.#ajv.addSchema({ ...rest, id: base + name }, base + name);
      } catch (error) {
        throw new InvalidModelError(`Invalid model schema specified: ${(error as Error).message}`, logicalId);
      }
    }
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
        const compiled = this.#ajv.getSchema(known.schemaId)!;
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
