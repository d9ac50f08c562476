/**
 * AWS service integrations: the services and actions the gateway can call, where their requests go (the
 * embedded `dynalite` and `kinesalite` backends, DynamoDB Local, or a real AWS region), and how they are
 * signed and provisioned from the templates.
 * @module
 */
export { type AwsCredentials, credentialsFromEnvironment, LOCAL_CREDENTIALS } from './aws-credentials.js';
export { readTableDefinitions, type TableDefinition } from './dynamodb-tables.js';
export { type EmbeddedServer, type EmbeddedServerPackage, startEmbeddedServer } from './embedded-server.js';
export {
  AWS_INTEGRATION_SUBTYPES,
  type IntegrationSubtypeDescription,
  SUPPORTED_SUBTYPES,
} from './integration-subtypes.js';
export { readStreamDefinitions, type StreamDefinition } from './kinesis-streams.js';
export {
  ServiceBackends,
  type ServiceOutcome,
  type ServiceProvisioning,
  type ServiceRequest,
} from './service-backends.js';
export {
  type AwsServiceDescription,
  type AwsServiceName,
  describeService,
  isAwsServiceName,
  SERVICE_CATALOG,
} from './service-catalog.js';
export { ServiceEndpointError } from './service-endpoint-error.js';
export {
  isLoopbackHost,
  parseEndpointFlag,
  regionalEndpoint,
  resolveServiceEndpoints,
  type ServiceEndpoint,
  type ServiceEndpoints,
} from './service-endpoints.js';
export {
  parseServiceIntegrationUri,
  pathPlaceholders,
  type ServiceIntegrationUri,
} from './service-integration-uri.js';
export { type SignableRequest, type SigningScope, signV4 } from './sign-v4.js';
