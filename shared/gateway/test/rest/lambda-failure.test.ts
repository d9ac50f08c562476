import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { restApiTemplate } from '../support/rest-template.js';
import { serveTemplate } from '../support/serve.js';

// biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax
const BY_VARIABLE = ':function:${stageVariables.fn}/invocations';

describe('a Lambda integration that names its function through a stage variable', () => {
  let url: string;
  let log: string[];

  beforeAll(async () => {
    ({ url, log } = await serveTemplate(
      restApiTemplate({
        stageVariables: { fn: 'named' },
        functions: { Named: { code: 'exports.handler = async () => "from named"', functionName: 'named' } },
        methods: [
          {
            path: '/test',
            httpMethod: 'GET',
            methodResponses: [{ StatusCode: '200' }],
            integration: {
              Type: 'AWS',
              IntegrationHttpMethod: 'POST',
              Uri: {
                'Fn::Join': [
                  '',
                  [
                    'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:',
                    { Ref: 'AWS::AccountId' },
                    BY_VARIABLE,
                  ],
                ],
              },
              IntegrationResponses: [{ StatusCode: '200' }],
            },
          },
        ],
        extraResources: {
          OtherStage: {
            Type: 'AWS::ApiGateway::Stage',
            Properties: {
              RestApiId: { Ref: 'Api' },
              DeploymentId: { Ref: 'ApiDeployment' },
              StageName: 'other',
            },
          },
        },
      }),
    ));
  });

  it('invokes the function the stage names', async () => {
    const response = await request(`${url}test`);
    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toBe('from named');
  });

  it('answers 500 on a stage whose variables name no function, and logs why', async () => {
    const response = await request(new URL('../other/test', url));
    expect(response.statusCode).toBe(500);
    expect(await response.body.text()).toBe('{"message": "Internal server error"}');
    expect(log.some((line) => line.includes('stage "other" has no stage variable'))).toBe(true);
  });
});
