/**
 * The chapter's synthesized template as the stack tests read it: the shared synth, the variants they
 * synthesize, and readers of its resources.
 *
 * @module
 */
import {
  type CloudFormationResource,
  type CloudFormationTemplate,
  sharedTemplate,
  synthStack,
} from '@cors-workshop/testing';
import { Template } from 'aws-cdk-lib/assertions';
import {
  CustomCorsRestapiStack,
  type CustomCorsRestapiStackProps,
} from '../lib/custom-cors-restapi-stack.js';
import { projectDir } from './project-dir.js';

/**
 * Synthesizes the chapter's stack (without bundling). The article's stack was deployed to us-east-1, which
 * is why its Uri names that region; pinning the region here makes our Uri the same, character for character.
 */
export function synthesize(props: CustomCorsRestapiStackProps = {}): CloudFormationTemplate {
  const synth = synthStack(
    (app) =>
      new CustomCorsRestapiStack(app, 'CustomCorsRestapiStack', {
        stackName: 'custom-cors-restapi-stack',
        env: { region: 'us-east-1' },
        ...props,
      }),
    { projectDir },
  );
  synth.dispose();
  return synth.template;
}

// The template of the synth every test file of the chapter shares (test/global-setup.ts, the `assembly` of
// checks.ts, with the same pinned region); the variants `synthesize` makes are synths of their own.
export const synthesized = sharedTemplate();
export const template = Template.fromJSON(synthesized);

/** The resource `logicalId` of `from`; throws, naming the resources there are, when there is none. */
export function resourceOf(from: CloudFormationTemplate, logicalId: string): CloudFormationResource {
  const found = from.Resources?.[logicalId];
  if (found === undefined) {
    const known = Object.keys(from.Resources ?? {}).join(', ');
    throw new Error(`No resource "${logicalId}"; the template has: ${known}`);
  }
  return found;
}

/** The resource `logicalId` of the shared synth. */
export const resource = (logicalId: string) => resourceOf(synthesized, logicalId);

/** The `Integration` of the method `logicalId`. */
export function integrationOf(logicalId: string, from = synthesized): Record<string, unknown> {
  return resourceOf(from, logicalId).Properties?.Integration as Record<string, unknown>;
}

/** The `application/json` template of an integration response. */
export function jsonTemplateOf(response: Record<string, unknown> | undefined): string | undefined {
  return (response?.ResponseTemplates as Record<string, string> | undefined)?.['application/json'];
}

/** The only method of `from` with this HTTP method on this resource path part (`fails`, `greeting`). */
export function methodOn(
  pathPart: string,
  httpMethod: string,
  from = synthesized,
): [string, CloudFormationResource] {
  const resources = Object.entries(from.Resources ?? {});
  const [resourceId] =
    resources.find(
      ([, r]) => r.Type === 'AWS::ApiGateway::Resource' && r.Properties?.PathPart === pathPart,
    ) ?? [];
  const methods = resources.filter(
    ([, r]) =>
      r.Type === 'AWS::ApiGateway::Method' &&
      r.Properties?.HttpMethod === httpMethod &&
      (r.Properties?.ResourceId as { Ref?: string } | undefined)?.Ref === resourceId,
  );
  if (resourceId === undefined || methods.length !== 1) {
    throw new Error(`Expected one ${httpMethod} method on /${pathPart}, found ${methods.length}`);
  }
  return methods[0]!;
}
