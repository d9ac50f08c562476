/** What a non-proxy integration answered, before the integration responses apply. */
export interface IntegrationResult {
  /**
   * Matched against `selectionPattern`: the status code (MOCK, AWS services) or the Lambda `errorMessage`.
   */
  readonly selector: string;
  readonly body: string;
  /** The integration's response headers (an AWS service's), for `integration.response.header.X`. */
  readonly headers?: ReadonlyArray<readonly [string, string]>;
}
