// One synth, with the functions bundled, shared by every test file that serves the chapter; and the
// versions of the stack before each fix, which the lesson's tests serve as well, synthesized once too.
import { fileURLToPath } from 'node:url';
import { synthesizeOnce, synthStack } from '@cors-workshop/testing';
import { assembly } from '../checks.js';
import { AuthorizersStack, type AuthorizersStackProps } from '../lib/authorizers-stack.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

/** The chapter's stack with other props, bundled as `assembly` is so that the local gateway can run it. */
function variant(props: AuthorizersStackProps) {
  return () =>
    synthStack(
      (app) => new AuthorizersStack(app, 'AuthorizersStack', { stackName: 'authorizers-stack', ...props }),
      { projectDir, bundling: true },
    );
}

export default synthesizeOnce(assembly, {
  variants: {
    /** The HTTP API before its fix: no OPTIONS /{proxy+} route, so $default catches the preflights. */
    withoutPreflightRoute: variant({ openPreflightRoute: false }),
    /** CatalogRestApi before its fix: no DEFAULT_4XX gateway response. */
    withoutCatalogGatewayResponse: variant({ corsOnApiKeyErrors: false }),
    /** OrdersRestApi and the HTTP API before the fix: no DEFAULT_4XX gateway response. */
    withoutGatewayResponse: variant({ corsOnAuthorizerErrors: false }),
  },
});
