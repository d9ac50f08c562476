/**
 * The chapter's stack as the behaviour tests serve it on the local gateway, and its variants.
 *
 * @module
 */
import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest, sharedAssembly, synthStack } from '@cors-workshop/testing';
import {
  CustomCorsRestapiStack,
  type CustomCorsRestapiStackProps,
} from '../lib/custom-cors-restapi-stack.js';
import { projectDir } from './project-dir.js';

/** Synthesizes the chapter's stack, bundled so that the local gateway can run its functions. */
export function synthesize(props: CustomCorsRestapiStackProps = {}, bundling = true) {
  return synthStack(
    (app) =>
      new CustomCorsRestapiStack(app, 'CustomCorsRestapiStack', {
        stackName: 'custom-cors-restapi-stack',
        ...props,
      }),
    { projectDir, bundling },
  );
}

/** The stack as deployed. */
export const it = gatewayTest({ source: sharedAssembly, logger: silentLogger });
