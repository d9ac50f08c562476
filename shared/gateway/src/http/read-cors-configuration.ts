import type { HttpCorsConfiguration } from './cors-policy.js';

/** The message API Gateway answers (`BadRequestException`) to credentials allowed for every origin. */
export const CREDENTIALS_WITH_ANY_ORIGIN = "allow-credentials is not supported if 'allow-origin' is *";

/**
 * Reads the (resolved) `CorsConfiguration` of an `AWS::ApiGatewayV2::Api` and refuses what API Gateway
 * refuses: `AllowCredentials` with the origin `*`, a `MaxAge` outside -1…86400, values of the wrong type.
 * @param raw - the property's value, intrinsics resolved
 * @returns the configuration, or a sentence saying why it is refused
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigatewayv2-api-cors.html
 * @see https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid.html#apis-apiid-model-cors
 */
export function readCorsConfiguration(raw: unknown): HttpCorsConfiguration | string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return `CorsConfiguration must be an object, got ${JSON.stringify(raw)}`;
  }
  const props = raw as Record<string, unknown>;
  const allowOrigins = readList(props, 'AllowOrigins');
  const allowMethods = readList(props, 'AllowMethods');
  const allowHeaders = readList(props, 'AllowHeaders');
  const exposeHeaders = readList(props, 'ExposeHeaders');
  if (typeof allowOrigins === 'string') return allowOrigins;
  if (typeof allowMethods === 'string') return allowMethods;
  if (typeof allowHeaders === 'string') return allowHeaders;
  if (typeof exposeHeaders === 'string') return exposeHeaders;
  const credentials = props.AllowCredentials ?? false;
  if (typeof credentials !== 'boolean' && credentials !== 'true' && credentials !== 'false') {
    return `CorsConfiguration.AllowCredentials must be true or false, got ${JSON.stringify(credentials)}`;
  }
  const allowCredentials = credentials === true || credentials === 'true';
  let maxAge: number | undefined;
  if (props.MaxAge !== undefined) {
    maxAge = Number(props.MaxAge);
    if (!Number.isInteger(maxAge) || maxAge < -1 || maxAge > 86_400) {
      return `CorsConfiguration.MaxAge must be an integer from -1 to 86400 (seconds), got ${JSON.stringify(props.MaxAge)}`;
    }
  }
  if (allowCredentials && allowOrigins.includes('*')) return CREDENTIALS_WITH_ANY_ORIGIN;
  return { allowOrigins, allowCredentials, allowMethods, allowHeaders, exposeHeaders, maxAge };
}

/** A list property of the configuration, trimmed; a sentence saying what is wrong when it is not a list. */
function readList(props: Record<string, unknown>, key: string): string[] | string {
  const value = props[key];
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.map((item: string) => item.trim());
  }
  return `CorsConfiguration.${key} must be a list of strings, got ${JSON.stringify(value)}`;
}
