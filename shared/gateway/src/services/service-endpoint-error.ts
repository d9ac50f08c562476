/**
 * A service endpoint setting the gateway cannot use: an unknown service, a value that is neither
 * `embedded`, `aws` nor an `http(s)` URL, or an endpoint off this machine without AWS credentials to sign
 * for it. Thrown by `startGateway` before anything is served; the CLI prints the message and exits with
 * code 2.
 */
export class ServiceEndpointError extends Error {
  /** Always `ServiceEndpointError`. */
  override readonly name = 'ServiceEndpointError';
}
