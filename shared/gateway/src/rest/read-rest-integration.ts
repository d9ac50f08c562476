/**
 * Reading the `Integration` of a REST method at load: MOCK, HTTP, Lambda and AWS service integrations, with
 * their integration responses, refused with API Gateway's message where AWS refuses them.
 * @module
 */
import type { FunctionsByArn } from '../assembly/function-catalog.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import { GatewayConfigError } from '../errors.js';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';
import { readContentHandling } from './content-handling.js';
import { compileKeyedTemplates } from './keyed-templates.js';
import { parseIntegrationRequestParameters } from './lambda-request-parameters.js';
import { type RestHttpIntegration, readRestHttpIntegration } from './read-http-integration.js';
import { readIntegrationResponse } from './read-integration-response.js';
import { readServiceIntegration } from './read-service-integration.js';
import type {
  PassthroughBehavior,
  RestIntegration,
  RestIntegrationResponse,
  RestIntegrationType,
  RestServiceIntegration,
  RestStage,
} from './rest-api-model.js';
import { resolveLambdaTarget } from './stage-variable-function.js';
import { integrationProblem, lambdaFunctionArnOf } from './validate-integration.js';

/** What reading an integration needs from the API around it. */
export interface IntegrationReading {
  readonly resolver: IntrinsicResolver;
  /** The CloudFormation template's file, for errors. */
  readonly templateFile: string;
  readonly functionsByArn: FunctionsByArn;
  /** The API's stages: a Lambda ARN may name its function through a stage variable. */
  readonly stages: ReadonlyMap<string, RestStage>;
}

/**
 * Reads a method's `Integration`.
 * @param reading - the API's resolver, template file, functions and stages
 * @param logicalId - the method's logical ID, which load errors name
 * @param raw - the `Integration` property
 * @param methodResponses - the headers each declared method response declares, by status code
 * @throws GatewayConfigError for an integration AWS refuses or the gateway cannot serve
 */
export function readRestIntegration(
  reading: IntegrationReading,
  logicalId: string,
  raw: unknown,
  methodResponses: ReadonlyMap<string, ReadonlySet<string>>,
): RestIntegration {
  const fail: (message: string) => never = (message) => {
    throw new GatewayConfigError(message, { file: reading.templateFile, resource: logicalId });
  };
  if (raw === undefined) fail('the method has no Integration');
  const integration = reading.resolver.resolve(raw) as Record<string, unknown>;
  const problem = integrationProblem(integration);
  if (problem) fail(problem);
  const type = integration.Type as RestIntegrationType;
  const origin = (part: string) => `${logicalId} Integration.${part}`;
  let lambda: LambdaFunctionDefinition | undefined;
  let lambdaByStage: ReadonlyMap<string, LambdaFunctionDefinition> | undefined;
  let lambdaRequestParameters: RestIntegration['lambdaRequestParameters'];
  let service: RestServiceIntegration | undefined;
  let http: RestHttpIntegration | undefined;
  switch (type) {
    case 'MOCK':
      break;
    case 'HTTP':
    case 'HTTP_PROXY':
      http = readRestHttpIntegration(reading.resolver, integration, fail);
      break;
    case 'AWS_PROXY':
    case 'AWS': {
      const uri = String(integration.Uri ?? '');
      const functionArn = lambdaFunctionArnOf(uri);
      if (!functionArn) {
        if (type === 'AWS_PROXY') {
          fail(
            "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
          );
        }
        service = readServiceIntegration(uri, integration, fail);
        break;
      }
      const target = resolveLambdaTarget(functionArn, reading.stages, reading.functionsByArn);
      if (target.kind === 'unknown') fail(target.reason);
      lambdaByStage = target.kind === 'per-stage' ? target.byStage : undefined;
      lambda = target.kind === 'fixed' ? target.fn : target.byStage.values().next().value!;
      for (const fn of lambdaByStage?.values() ?? [lambda]) {
        if (!fn.runtime.startsWith('nodejs')) {
          fail(`runtime "${fn.runtime}" of ${fn.logicalId} cannot run locally; only nodejs runtimes can`);
        }
      }
      const parameters = parseIntegrationRequestParameters(integration.RequestParameters);
      if (typeof parameters === 'string') fail(parameters);
      lambdaRequestParameters = parameters;
      break;
    }
    default:
      fail(`integration type ${JSON.stringify(type)} is not supported by the local gateway`);
  }
  const integrationResponses: RestIntegrationResponse[] = [];
  const list = (integration.IntegrationResponses ?? []) as Array<Record<string, unknown>>;
  list.forEach((response, index) => {
    integrationResponses.push(
      readIntegrationResponse(
        response,
        { logicalId, index, file: reading.templateFile },
        methodResponses,
        type,
        fail,
      ),
    );
  });
  const timeoutMs = integration.TimeoutInMillis === undefined ? 29_000 : Number(integration.TimeoutInMillis);
  const handling = readHandling(integration.ContentHandling, 'Integration', fail);
  list.forEach((response, index) => {
    readHandling(response.ContentHandling, `Integration.IntegrationResponses[${index}]`, fail);
  });
  return {
    type,
    ...(handling ? { contentHandling: handling } : {}),
    passthroughBehavior:
      (integration.PassthroughBehavior as PassthroughBehavior | undefined) ?? 'WHEN_NO_MATCH',
    requestTemplates: compileKeyedTemplates(
      integration.RequestTemplates,
      origin('RequestTemplates'),
      reading.templateFile,
    ),
    integrationResponses,
    lambda,
    ...(lambdaByStage ? { lambdaByStage } : {}),
    ...(lambdaRequestParameters ? { lambdaRequestParameters } : {}),
    ...(service ? { service } : {}),
    integrationHttpMethod:
      integration.IntegrationHttpMethod === undefined
        ? undefined
        : String(integration.IntegrationHttpMethod).toUpperCase(),
    ...(http ? { http } : {}),
    timeoutMs,
  };
}

/** `ContentHandling`, or the load error quoting it. */
function readHandling(value: unknown, where: string, fail: (message: string) => never) {
  try {
    return readContentHandling(value, where);
  } catch (error) {
    return fail((error as Error).message);
  }
}
