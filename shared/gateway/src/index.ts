/**
 * The local gateway: serves the API Gateway REST and HTTP APIs of a CDK cloud assembly the way AWS answers
 * them — statuses, headers, error bodies, mapping templates — and refuses what AWS would refuse at deploy
 * time.
 * @module
 */
export { GatewayConfigError } from './errors.js';
export type { GatewayExchange, GatewayOptions, RunningGateway, ServedApi } from './gateway-options.js';
export { createStderrLogger, type GatewayLogger, silentLogger } from './logging/gateway-logger.js';
export { PortTakenError, startGateway } from './start-gateway.js';
