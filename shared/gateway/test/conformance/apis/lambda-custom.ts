/**
 * The APIs of the AWS (custom) Lambda integration cases (`cases/lambda-custom.ts`).
 *
 * @module
 */
import { type ApiTemplates, api, custom, ok } from './api-builders.js';

export const LAMBDA_CUSTOM_APIS: ApiTemplates = {
  lambdaAws: api({
    stageName: 'api',
    methods: [
      {
        path: '/test',
        httpMethod: 'POST',
        integration: custom('Echo', { IntegrationResponses: ok }),
        methodResponses: ok,
      },
    ],
  }),
  lambdaAwsRequestTemplate: api({
    stageName: 'api',
    methods: [
      {
        path: '/test',
        httpMethod: 'GET',
        requestParameters: { 'method.request.querystring.param1': false },
        methodResponses: ok,
        integration: custom('Echo', {
          RequestTemplates: { 'application/json': `{"param1": "$input.params('param1')"}` },
          IntegrationResponses: [{ StatusCode: '200', SelectionPattern: '' }],
        }),
      },
    ],
  }),
  lambdaAwsResponseOverride: api({
    stageName: 'api',
    methods: [
      {
        path: '/test',
        httpMethod: 'POST',
        methodResponses: [{ StatusCode: '200' }, { StatusCode: '400' }],
        integration: custom('MappingResponses', {
          RequestTemplates: {
            'application/json': `{"apiContext": {"stage": "$context.stage"}, "body": $input.json('$')}`,
          },
          IntegrationResponses: [
            {
              StatusCode: '200',
              SelectionPattern: '',
              ResponseTemplates: {
                'application/json': [
                  '$input.json("$")',
                  '#if($input.path("$").toString().contains("customerror"))',
                  '#set($context.responseOverride.status = 400)',
                  '#else',
                  '#set($context.responseOverride.status = 202)',
                  '#end',
                ].join('\n'),
              },
            },
          ],
        }),
      },
    ],
  }),
  selectionPatterns: api({
    stageName: 'dev',
    methods: [
      {
        path: '/{statusCode}',
        httpMethod: 'GET',
        methodResponses: [
          { StatusCode: '200' },
          { StatusCode: '405' },
          { StatusCode: '502' },
          { StatusCode: '504' },
        ],
        integration: custom('SelectPattern', {
          RequestTemplates: { 'application/json': `{"statusCode": "$input.params('statusCode')"}` },
          IntegrationResponses: [
            { StatusCode: '200', SelectionPattern: '' },
            { StatusCode: '405', SelectionPattern: '.*four hundred.*' },
            { StatusCode: '502', SelectionPattern: '.+' },
            { StatusCode: '504', SelectionPattern: '200' },
          ],
        }),
      },
    ],
  }),
  stageVariablesDev: api({
    stageName: 'dev',
    stageVariables: { lambdaFunction: 'echo', version: '1.0' },
    methods: [
      {
        path: '/test',
        httpMethod: 'POST',
        methodResponses: ok,
        integration: custom('Echo', {
          Uri: {
            'Fn::Join': [
              '',
              [
                'arn:aws:apigateway:',
                { Ref: 'AWS::Region' },
                ':lambda:path/2015-03-31/functions/arn:aws:lambda:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax
                ':function:${stageVariables.lambdaFunction}/invocations',
              ],
            ],
          },
          RequestTemplates: { 'application/json': '{ "version": "$stageVariables.version" }' },
          IntegrationResponses: ok,
        }),
      },
    ],
  }),
  stageVariablesLocal: api({
    stageName: 'local',
    methods: [
      {
        path: '/test',
        httpMethod: 'POST',
        methodResponses: ok,
        integration: custom('Echo', {
          RequestTemplates: { 'application/json': '{ "version": "$stageVariables.version" }' },
          IntegrationResponses: ok,
        }),
      },
    ],
  }),
  asyncLambda: api({
    stageName: 'test',
    methods: [
      {
        path: '/wait/{seconds}',
        httpMethod: 'ANY',
        methodResponses: ok,
        integration: custom('Slow', {
          RequestParameters: { 'integration.request.header.X-Amz-Invocation-Type': "'Event'" },
          RequestTemplates: { 'application/json': `{"seconds": "$input.params('seconds')"}` },
          IntegrationResponses: ok,
        }),
      },
    ],
  }),
};
