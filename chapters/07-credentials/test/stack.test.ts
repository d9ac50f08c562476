import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CloudFormationResource, renderExpectedTemplate, synthStack } from '@cors-workshop/testing';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Cors, MockIntegration, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { describe, expect, it } from 'vitest';
import { contextFlag } from '../lib/context-flag.js';
import { ALLOWED_ORIGINS } from '../lib/cors-settings.js';
import { CredentialsCorsStack } from '../lib/credentials-cors-stack.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const build = (app: App) =>
  new CredentialsCorsStack(app, 'CredentialsCorsStack', {
    stackName: 'credentials-cors-stack',
    env: { region: 'us-east-1' },
  });

const synth = synthStack(build, { projectDir });
synth.dispose();

const template = Template.fromJSON(synth.template);
const resources = synth.template.Resources ?? {};

function resource(logicalId: string): CloudFormationResource {
  const found = resources[logicalId];
  if (found === undefined) {
    throw new Error(`No resource "${logicalId}"; the template has: ${Object.keys(resources).join(', ')}`);
  }
  return found;
}

/** The integration response parameters of the OPTIONS method CDK generated for a resource. */
function preflightParameters(logicalId: string): Record<string, string> {
  const integration = resource(logicalId).Properties?.Integration as {
    IntegrationResponses: Array<{ ResponseParameters: Record<string, string> }>;
  };
  return integration.IntegrationResponses[0]!.ResponseParameters;
}

const HEADER = 'method.response.header.';
const CREDENTIALS_MESSAGE = "CORS preflight - allowCredentials is not supported when allowOrigin is '*'";

describe('CredentialsCorsStack', () => {
  it('synthesizes the expected template', async () => {
    await expect(renderExpectedTemplate(synth.template)).toMatchFileSnapshot(
      './expected/CredentialsCorsStack.template.json',
    );
  });

  it('publishes both invoke URLs as outputs, for scripts/verify.sh after a deploy', () => {
    const keys = Object.keys(synth.template.Outputs ?? {});

    expect(keys.filter((key) => key.startsWith('CredentialsRestApiEndpoint'))).toHaveLength(1);
    expect(keys).toContain('CredentialsHttpApiEndpoint');
  });
});

describe('credentials with the origin *', () => {
  it('are accepted by CDK on a REST API: the preflight of /wildcard maps * and credentials', () => {
    expect(preflightParameters('CredentialsRestApiwildcardOPTIONSA1C62093')).toMatchObject({
      [`${HEADER}Access-Control-Allow-Origin`]: "'*'",
      [`${HEADER}Access-Control-Allow-Credentials`]: "'true'",
    });
  });

  it('are refused by CDK on an HTTP API, while the app is built', () => {
    const stack = new Stack(new App(), 'Refused');

    expect(
      () =>
        new HttpApi(stack, 'Everyone', { corsPreflight: { allowOrigins: ['*'], allowCredentials: true } }),
    ).toThrow(CREDENTIALS_MESSAGE);
  });

  it('stop the synth of this very stack with -c credentialsForAnyOrigin=true', () => {
    expect(() =>
      synthStack(
        (app) =>
          new CredentialsCorsStack(app, 'CredentialsCorsStack', {
            credentialsForAnyOrigin: contextFlag(app.node, 'credentialsForAnyOrigin'),
          }),
        { projectDir, context: { credentialsForAnyOrigin: 'true' } },
      ),
    ).toThrow(CREDENTIALS_MESSAGE);
  });

  it("are refused in the README in CDK's own words", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

    expect(readme).toContain(CREDENTIALS_MESSAGE);
  });
});

describe("the allow-list: CDK's multi-origin preflight", () => {
  const profilePreflight = resource('CredentialsRestApiprofileOPTIONS2547C809').Properties?.Integration as {
    IntegrationResponses: Array<{
      ResponseParameters: Record<string, string>;
      ResponseTemplates: Record<string, string>;
    }>;
  };
  const [response] = profilePreflight.IntegrationResponses;

  it('maps the first origin statically, with credentials and Vary: Origin', () => {
    expect(response?.ResponseParameters).toMatchObject({
      [`${HEADER}Access-Control-Allow-Origin`]: `'${ALLOWED_ORIGINS[0]}'`,
      [`${HEADER}Access-Control-Allow-Credentials`]: "'true'",
      [`${HEADER}Vary`]: "'Origin'",
    });
  });

  it('echoes only the origins after the first, from its response template', () => {
    const responseTemplate = response?.ResponseTemplates['application/json'] ?? '';

    expect(responseTemplate).toContain(`#if($origin == "${ALLOWED_ORIGINS[1]}")`);
    expect(responseTemplate).not.toContain(`"${ALLOWED_ORIGINS[0]}"`);
  });
});

describe('the functions behind the allow-list', () => {
  it('get the same origins as the preflight, and /profile alone the header to expose', () => {
    const origins = ALLOWED_ORIGINS.join(',');

    expect(resource('ProfileFn28F379CF').Properties?.Environment).toEqual({
      Variables: { ALLOWED_ORIGINS: origins, EXPOSE_HEADERS: 'X-Request-Id' },
    });
    expect(resource('UnexposedFn674E3BFE').Properties?.Environment).toEqual({
      Variables: { ALLOWED_ORIGINS: origins, EXPOSE_HEADERS: '' },
    });
  });

  it('log to their own group, kept one day and deleted with the stack', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));

    expect(logGroups).toHaveLength(7);
    for (const logGroup of logGroups) {
      expect(logGroup).toMatchObject({ Properties: { RetentionInDays: 1 }, DeletionPolicy: 'Delete' });
    }
  });
});

describe('preflight lifetimes', () => {
  it('is 600 s for /max-age, none for /no-max-age, -1 for /no-cache (disableCache)', () => {
    const maxAge = (logicalId: string) => preflightParameters(logicalId)[`${HEADER}Access-Control-Max-Age`];

    expect(maxAge('CredentialsRestApimaxageOPTIONSB34B6177')).toBe("'600'");
    expect(maxAge('CredentialsRestApinomaxageOPTIONS7DED7378')).toBeUndefined();
    expect(maxAge('CredentialsRestApinocacheOPTIONS99723DAB')).toBe("'-1'");
  });

  it('has no Access-Control-Max-Age at all when CDK is given maxAge: Duration.seconds(0)', () => {
    const stack = new Stack(new App(), 'ZeroMaxAge');
    const api = new RestApi(stack, 'Api');
    api.root
      .addResource('zero', {
        defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS, maxAge: Duration.seconds(0) },
      })
      .addMethod('GET', new MockIntegration());

    const options = Template.fromStack(stack).findResources('AWS::ApiGateway::Method', {
      Properties: { HttpMethod: 'OPTIONS' },
    });

    expect(JSON.stringify(options)).toContain('Access-Control-Allow-Origin');
    expect(JSON.stringify(options)).not.toContain('Access-Control-Max-Age');
  });
});

describe('the HTTP API', () => {
  it('lists the origins, allows credentials, exposes X-Request-Id and keeps a preflight ten minutes', () => {
    expect(resource('CredentialsHttpApi64AA9888').Properties?.CorsConfiguration).toEqual({
      AllowCredentials: true,
      AllowHeaders: ['x-api-key'],
      AllowMethods: ['GET'],
      AllowOrigins: [...ALLOWED_ORIGINS],
      ExposeHeaders: ['X-Request-Id'],
      MaxAge: 600,
    });
  });
});
