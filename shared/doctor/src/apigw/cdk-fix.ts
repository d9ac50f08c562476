/**
 * The CDK change that fixes a blocked call to an API Gateway API.
 *
 * @module
 */
import type { CdkFix, FixContext } from './fix-context.js';
import { httpFix } from './http-fix.js';
import { restFix } from './rest-fix.js';

/**
 * The fix for a blocked call.
 * @param context - the outcome, the request, the API and who produced the blocking answer
 * @returns the fix, or `undefined` when the call is allowed or the doctor knows no CDK change for it
 */
export function cdkFix(context: FixContext): CdkFix | undefined {
  if (context.outcome.verdict === 'allowed' || context.outcome.netError !== undefined) return undefined;
  const { api } = context.location;
  return api.kind === 'REST' ? restFix(context, api) : httpFix(context, api);
}
