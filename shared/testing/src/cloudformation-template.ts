/**
 * The shape of a synthesized CloudFormation template, as far as the tests need it.
 *
 * @module
 */

/**
 * One resource of a template.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
 */
export interface CloudFormationResource {
  /** The resource type, e.g. `AWS::ApiGateway::Method`. */
  readonly Type: string;
  /** The resource's properties. */
  readonly Properties?: Readonly<Record<string, unknown>>;
  /** Other attributes (`DependsOn`, `Metadata`, `DeletionPolicy`, …). */
  readonly [attribute: string]: unknown;
}

/**
 * One output of a template.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html
 */
export interface CloudFormationOutput {
  /** The output's value, often an intrinsic function. */
  readonly Value: unknown;
  /** Other attributes (`Description`, `Export`, `Condition`). */
  readonly [attribute: string]: unknown;
}

/**
 * A CloudFormation template.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */
export interface CloudFormationTemplate {
  /** The resources, by logical ID. */
  readonly Resources?: Readonly<Record<string, CloudFormationResource>>;
  /** The outputs, by logical ID. */
  readonly Outputs?: Readonly<Record<string, CloudFormationOutput>>;
  /** The other sections (`Parameters`, `Conditions`, `Rules`, `Mappings`, …). */
  readonly [section: string]: unknown;
}
