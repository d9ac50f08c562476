import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareAssembly } from '../../src/assembly/prepare-assembly.js';
import { GatewayConfigError } from '../../src/errors.js';
import { readLambdaFunctions } from '../../src/lambda/lambda-function.js';
import { LambdaRuntime } from '../../src/lambda/lambda-runtime.js';
import { silentLogger } from '../../src/logging/gateway-logger.js';
import { planApis } from '../../src/plan-apis.js';
import { CORPUS_APPS } from './apps/index.js';

const ASSEMBLIES = fileURLToPath(new URL('./assemblies/', import.meta.url));

/** What the gateway does with one assembly of the corpus. */
type Expectation =
  /** Served: `stack/logicalId kind [stages]` of every API. */
  | { readonly served: readonly string[] }
  /** Refused at load: the resource named, what is refused, and the page of the docs that explains it. */
  | { readonly refused: { readonly resource: string; readonly feature: RegExp; readonly docs: string } }
  | { readonly nothingToServe: true };

const EXPECTED: Readonly<Record<string, Expectation>> = {
  'cross-stack-function': { served: ['Frontend/FrontendApi32FA4EC2 REST [prod]'] },
  'http-api-alb': {
    refused: {
      resource: 'OrdersApiGETordersOrdersFC66C240',
      feature: /reaches its backend OrdersLbHttpABA0EF6D through a VPC link, which exists only once deployed/,
      docs: 'docs/behaviour.md#http-integrations',
    },
  },
  'http-api-imported-routes': {
    refused: {
      resource: 'TeamRouteTeam1C521384',
      feature:
        /attaches to the HTTP API PlatformApi0A9CF539 of the stack Platform, imported by ID into the stack TeamRoutes/,
      docs: 'docs/behaviour.md#apis-defined-across-stacks',
    },
  },
  'http-api-openapi-body': { served: ['NotesOpenApi/NotesApi HTTP [$default]'] },
  'http-api-url': { served: ['LegacyFacade/FacadeApiCF585348 HTTP [$default]'] },
  'imported-api-routes': {
    refused: {
      resource: 'Importedreports91D09963',
      feature:
        /attaches to the REST API ApiF70053CD of the stack CoreApi, imported by ID into the stack ExtraRoutes/,
      docs: 'docs/behaviour.md#apis-defined-across-stacks',
    },
  },
  'nothing-to-serve': { nothingToServe: true },
  'rest-cache-enabled': {
    refused: {
      resource: 'CatalogApiDeploymentStageprodE57C8640',
      feature: /MethodSettings enable CachingEnabled for \* \/\*: the local gateway has no stage cache/,
      docs: 'docs/behaviour.md#stages-and-method-settings',
    },
  },
  'rest-dynamodb': { served: ['Bookmarks/BookmarksApi6B665948 REST [prod]'] },
  'rest-http-proxy': { served: ['InventoryGateway/InventoryApi49B09E7D REST [prod]'] },
  'rest-lambda-cors': { served: ['ItemsService/ItemsApi3788C05C REST [v1]'] },
  'rest-mappings-conditions': { served: ['ConfigService/ConfigApiEBF4AF11 REST [live]'] },
  'rest-nested-stacks': { served: ['PetStore/PetStoreApi01F6564E REST [prod]'] },
  'rest-nlb-vpc-link': {
    refused: {
      resource: 'BillingApiinvoicesGET7F11C582',
      feature: /through a VPC link, which exists only once deployed; .*--http-endpoint BillingNlb7F210690=/,
      docs: 'docs/behaviour.md#http-integrations',
    },
  },
  'rest-response-streaming': {
    refused: {
      resource: 'ChatApichatPOST13AF4106',
      feature: /the local gateway does not emulate response streaming/,
      docs: 'docs/behaviour.md#response-streaming',
    },
  },
  'rest-sqs-integration': {
    refused: {
      resource: 'IntakeApimessagesPOSTB95FFBD2',
      feature: /calls "sqs", which the local gateway has no backend for/,
      docs: 'docs/services.md',
    },
  },
  'rest-step-functions': {
    refused: {
      resource: 'WorkflowApiANY98F9D66B',
      feature: /calls "states", which the local gateway has no backend for/,
      docs: 'docs/services.md',
    },
  },
  'spec-rest-asset': { served: ['StatusSpec/StatusApi0D0AB574 REST [prod]'] },
  'spec-rest-inline': { served: ['ShopSpec/ShopApi00D66BBD REST [prod]'] },
  'unrelated-custom-resources': { served: ['Uploads/UploadsApiF6E592E7 REST [prod]'] },
  'websocket-api': {
    refused: {
      resource: 'SocketApiAB7361AA',
      feature: /WebSocket APIs \(ProtocolType WEBSOCKET\) are not supported/,
      docs: 'docs/behaviour.md#what-is-refused',
    },
  },
};

const runtime = new LambdaRuntime(silentLogger);
afterAll(() => runtime.close());

function plan(name: string) {
  return planApis({ source: `${ASSEMBLIES}${name}` }, runtime, silentLogger).map(
    (api) => `${api.stack.stackName}/${api.logicalId} ${api.kind} [${api.stages.join(', ')}]`,
  );
}

function refusalOf(name: string): GatewayConfigError {
  try {
    plan(name);
  } catch (error) {
    if (error instanceof GatewayConfigError) return error;
    throw error;
  }
  throw new Error(`${name} was served`);
}

describe('the corpus of CDK apps', () => {
  it('reads only the functions an API invokes: reading every function of unrelated-custom-resources would fail', () => {
    const [{ stack, resolver }] = prepareAssembly(`${ASSEMBLIES}unrelated-custom-resources`).selected as [
      ReturnType<typeof prepareAssembly>['selected'][0],
    ];
    expect(() => readLambdaFunctions(stack, resolver)).toThrow(
      /Fn::ImportValue of "platform-alerts-topic-arn"/,
    );
    expect(plan('unrelated-custom-resources')).toHaveLength(1);
  });

  it('has a synthesized assembly for every app and an expectation for every assembly', () => {
    const assemblies = readdirSync(ASSEMBLIES).sort();
    expect(assemblies).toEqual(Object.keys(CORPUS_APPS).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(assemblies);
  });

  it('serves 11 of its 21 assemblies, refuses 9 for what they ask of API Gateway, and finds nothing in 1', () => {
    const outcomes = Object.values(EXPECTED);
    expect(outcomes.filter((e) => 'served' in e)).toHaveLength(11);
    expect(outcomes.filter((e) => 'refused' in e)).toHaveLength(9);
    expect(outcomes.filter((e) => 'nothingToServe' in e)).toHaveLength(1);
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    if ('served' in expected) {
      it(`serves ${name}: ${CORPUS_APPS[name]?.description}`, () => {
        expect(plan(name)).toEqual(expected.served);
      });
    } else if ('refused' in expected) {
      it(`refuses ${name}, naming the resource, the feature and the docs: ${CORPUS_APPS[name]?.description}`, () => {
        const error = refusalOf(name);
        expect(error.where.resource).toBe(expected.refused.resource);
        expect(error.message).toMatch(expected.refused.feature);
        expect(error.message).toContain(`(see ${expected.refused.docs}`);
      });
    } else {
      it(`says what it found in ${name}, which has nothing to serve`, () => {
        expect(refusalOf(name).message).toMatch(
          /nothing to serve: no AWS::ApiGateway::RestApi and no AWS::ApiGatewayV2::Api was found\. Stacks read: BackgroundJobs \(4 resources\)/,
        );
      });
    }
  }
});
