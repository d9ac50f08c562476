/**
 * An HTTP API route integration that puts the request into a Kinesis data stream, with no Lambda function
 * in between.
 *
 * @module
 */
import {
  HttpConnectionType,
  HttpIntegrationSubtype,
  HttpIntegrationType,
  HttpRouteIntegration,
  type HttpRouteIntegrationBindOptions,
  type HttpRouteIntegrationConfig,
  IntegrationCredentials,
  ParameterMapping,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IStream } from 'aws-cdk-lib/aws-kinesis';

/** Properties of {@link HttpKinesisPutRecordIntegration}. */
export interface HttpKinesisPutRecordIntegrationProps {
  /** The stream the records go to. */
  readonly stream: IStream;

  /**
   * Where each record's data comes from: a parameter mapping value such as `$request.body` or
   * `$request.body.payload`.
   * @default '$request.body'
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
   */
  readonly data?: string;

  /**
   * Where each record's partition key comes from, e.g. `$request.body.itemId`, `$request.header.x-device`
   * or `$context.requestId`. Records with the same key keep their order.
   * @see https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html#partition-key
   */
  readonly partitionKey: string;
}

/**
 * The `Kinesis-PutRecord` first-class integration of an HTTP API: API Gateway calls Kinesis `PutRecord`
 * itself, with the parameters it maps from the request, and answers with Kinesis's own answer. It creates the
 * role API Gateway assumes, allowed `kinesis:PutRecord` on the stream and nothing else.
 *
 * `aws-cdk-lib` has first-class integrations for SQS, EventBridge and Step Functions but none for Kinesis;
 * this one is written the same way, so it plugs into `HttpApi.addRoutes` like them.
 *
 * @example
 * ```ts
 * httpApi.addRoutes({
 *   path: '/events',
 *   methods: [HttpMethod.POST],
 *   integration: new HttpKinesisPutRecordIntegration('PutEvent', {
 *     stream,
 *     partitionKey: '$request.body.itemId',
 *   }),
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html#Kinesis-PutRecord
 */
export class HttpKinesisPutRecordIntegration extends HttpRouteIntegration {
  /**
   * @param id - the ID of the integration construct CDK creates under the API
   * @param props - the stream and the parameter mappings
   */
  constructor(
    id: string,
    private readonly props: HttpKinesisPutRecordIntegrationProps,
  ) {
    super(id);
  }

  /** Creates the invoke role and returns the integration's configuration; called by `addRoutes`. */
  override bind(options: HttpRouteIntegrationBindOptions): HttpRouteIntegrationConfig {
    const invokeRole = new Role(options.scope, 'InvokeRole', {
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
    });
    this.props.stream.grant(invokeRole, 'kinesis:PutRecord');
    return {
      type: HttpIntegrationType.AWS_PROXY,
      subtype: HttpIntegrationSubtype.KINESIS_PUT_RECORD,
      payloadFormatVersion: PayloadFormatVersion.VERSION_1_0,
      connectionType: HttpConnectionType.INTERNET,
      credentials: IntegrationCredentials.fromRole(invokeRole),
      parameterMapping: new ParameterMapping()
        .custom('StreamName', this.props.stream.streamName)
        .custom('Data', this.props.data ?? '$request.body')
        .custom('PartitionKey', this.props.partitionKey),
    };
  }
}
