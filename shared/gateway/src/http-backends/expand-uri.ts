/**
 * Fills in an integration URI for one request: each `{name}` with the value mapped to that path parameter
 * (percent-encoded, but a greedy value keeps its `/`; a value that keeps the request's own encoding, as REST
 * path parameters do, only has what a URL cannot hold encoded), each `${stageVariables.name}` with the
 * stage variable.
 * @returns the URI, or the reason it has no value (a stage variable the stage does not define, which AWS
 * answers with "Invalid endpoint address")
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/aws-api-gateway-stage-variables-reference.html
 */
export function expandUri(
  uri: string,
  pathValues: Readonly<Record<string, string>>,
  stageVariables: Readonly<Record<string, string>> | null,
  valuesAreEncoded = false,
): string | { readonly missing: string } {
  let missing: string | undefined;
  const withVariables = uri.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_whole, name: string) => {
    const value = stageVariables?.[name];
    if (value === undefined) missing ??= `the stage variable ${name} is not defined`;
    return value ?? '';
  });
  if (missing) return { missing };
  return withVariables.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
    const value = pathValues[name];
    if (value === undefined) return '';
    if (valuesAreEncoded) return value.replace(/[^\w\-.~!$&'()*+,;=:@%/]/g, encodeURIComponent);
    return value.split('/').map(encodeURIComponent).join('/');
  });
}
