/**
 * The local gateway: serves the API Gateway REST and HTTP APIs of a CDK cloud assembly the way AWS answers
 * them — statuses, headers, error bodies, mapping templates, AWS service integrations on embedded
 * backends — and refuses what AWS would refuse at deploy time.
 * @module
 */
export { findStaleAssembly, type StaleAssembly, staleAssemblyWarning } from './assembly/stale-assembly.js';
export { GatewayConfigError } from './errors.js';
export type { GatewayExchange, GatewayOptions, RunningGateway, ServedApi } from './gateway-options.js';
export { HttpEndpointError, type HttpEndpoints } from './http-backends/http-endpoints.js';
export { createStderrLogger, type GatewayLogger, silentLogger } from './logging/gateway-logger.js';
export type { AwsServiceName } from './services/service-catalog.js';
export { ServiceEndpointError } from './services/service-endpoint-error.js';
export type { ServiceEndpoints } from './services/service-endpoints.js';
export { PortTakenError, startGateway } from './start-gateway.js';
export { type MintTokenOptions, mintToken } from './token-command.js';
