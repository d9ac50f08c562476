import { createHash } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A stable, lowercase alphanumeric ID of `length` characters derived from `seed`, shaped like the IDs API
 * Gateway gives to APIs and resources (e.g. `a1b2c3d4e5`). The same template always gets the same IDs, so
 * URLs and logs stay stable across restarts.
 */
export function stableId(seed: string, length = 10): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[digest[i]! % ALPHABET.length];
  return id;
}

/** The pseudo parameters physical IDs and ARNs are made of. */
interface ArnParts {
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  readonly urlSuffix: string;
}

/**
 * The physical ID (`Ref` value) the gateway gives a resource: its explicit name when the template sets one
 * (`named(property)` resolves it), else a name made as CloudFormation makes one, stable across restarts.
 */
export function physicalId(
  stackName: string,
  logicalId: string,
  type: string,
  pseudo: ArnParts,
  named: (property: string) => string | undefined,
): string {
  switch (type) {
    case 'AWS::Lambda::Function':
      return (
        named('FunctionName') ?? `${stackName}-${logicalId}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64)
      );
    case 'AWS::DynamoDB::Table':
      return named('TableName') ?? `${stackName}-${logicalId}-${stableId(logicalId, 12).toUpperCase()}`;
    case 'AWS::IAM::Role':
      return (
        named('RoleName') ?? `${stackName}-${logicalId}`.replace(/[^A-Za-z0-9_+=,.@-]/g, '-').slice(0, 64)
      );
    case 'AWS::ApiGateway::Stage':
    case 'AWS::ApiGatewayV2::Stage':
      return named('StageName') ?? stableId(`${stackName}/${logicalId}`);
    case 'AWS::Kinesis::Stream':
      return named('Name') ?? `${stackName}-${logicalId}`;
    case 'AWS::Cognito::UserPool':
      return `${pseudo.region}_${stableId(`${stackName}/${logicalId}`, 9)}`;
    case 'AWS::Cognito::UserPoolClient':
      return stableId(`${stackName}/${logicalId}`, 26);
    case 'AWS::SQS::Queue':
      return `https://sqs.${pseudo.region}.${pseudo.urlSuffix}/${pseudo.accountId}/${named('QueueName') ?? `${stackName}-${logicalId}`}`;
    default:
      return stableId(`${stackName}/${logicalId}`);
  }
}

/**
 * The value of `Fn::GetAtt` for the attributes the gateway knows (`id` is the resource's physical ID), or
 * `undefined` for one it does not.
 */
export function knownAttribute(
  stackName: string,
  logicalId: string,
  type: string,
  attribute: string,
  id: string,
  pseudo: ArnParts,
): string | undefined {
  const { partition, region, accountId } = pseudo;
  switch (`${type}.${attribute}`) {
    case 'AWS::Lambda::Function.Arn':
      return `arn:${partition}:lambda:${region}:${accountId}:function:${id}`;
    case 'AWS::ApiGateway::RestApi.RootResourceId':
      return stableId(`${stackName}/${logicalId}/`);
    case 'AWS::ApiGateway::RestApi.RestApiId':
    case 'AWS::ApiGatewayV2::Api.ApiId':
      return id;
    case 'AWS::DynamoDB::Table.Arn':
      return `arn:${partition}:dynamodb:${region}:${accountId}:table/${id}`;
    case 'AWS::IAM::Role.Arn':
      return `arn:${partition}:iam::${accountId}:role/${id}`;
    case 'AWS::Kinesis::Stream.Arn':
      return `arn:${partition}:kinesis:${region}:${accountId}:stream/${id}`;
    case 'AWS::SQS::Queue.Arn':
      return `arn:${partition}:sqs:${region}:${accountId}:${id.split('/').pop()}`;
    case 'AWS::SQS::Queue.QueueName':
      return id.split('/').pop() ?? id;
    case 'AWS::Cognito::UserPool.Arn':
      return `arn:${partition}:cognito-idp:${region}:${accountId}:userpool/${id}`;
    case 'AWS::Cognito::UserPool.ProviderName':
    case 'AWS::Cognito::UserPool.ProviderURL':
      return `cognito-idp.${region}.${pseudo.urlSuffix}/${id}`;
    case 'AWS::ApiGatewayV2::Api.ApiEndpoint':
      return `https://${id}.execute-api.${region}.${pseudo.urlSuffix}`;
    default:
      return undefined;
  }
}
