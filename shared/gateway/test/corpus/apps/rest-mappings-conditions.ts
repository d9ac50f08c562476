import { CfnCondition, CfnMapping, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { CorpusApp } from './corpus-app.js';

/** A REST API whose answers come from the template's Mappings and Conditions, over a parameter's default. */
export default {
  description:
    'REST API answering from Fn::FindInMap and Fn::If over a parameter, next to a resource only prod creates',
  build(app) {
    const stack = new Stack(app, 'ConfigService');
    const env = new CfnParameter(stack, 'Environment', {
      type: 'String',
      default: 'dev',
      allowedValues: ['dev', 'prod'],
    });
    const settings = new CfnMapping(stack, 'Settings', {
      mapping: {
        dev: { banner: 'development build', logLevel: 'debug' },
        prod: { banner: 'production build', logLevel: 'warn' },
      },
    });
    const isProd = new CfnCondition(stack, 'IsProd', {
      expression: Fn.conditionEquals(env.valueAsString, 'prod'),
    });
    const alarms = new sns.Topic(stack, 'PagerAlarms');
    (alarms.node.defaultChild as sns.CfnTopic).cfnOptions.condition = isProd;
    const api = new apigateway.RestApi(stack, 'ConfigApi', { deployOptions: { stageName: 'live' } });
    const banner = settings.findInMap(env.valueAsString, 'banner');
    const quoted = (value: string) => Fn.join('', ["'", value, "'"]);
    api.root.addResource('config').addMethod(
      'GET',
      new apigateway.MockIntegration({
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        integrationResponses: [
          {
            statusCode: '200',
            responseTemplates: { 'application/json': Fn.join('', ['{"banner":"', banner, '"}']) },
            responseParameters: {
              'method.response.header.X-Log-Level': quoted(settings.findInMap(env.valueAsString, 'logLevel')),
              'method.response.header.X-Release-Channel': quoted(
                Fn.conditionIf(isProd.logicalId, 'stable', 'preview').toString(),
              ),
            },
          },
        ],
      }),
      {
        methodResponses: [
          {
            statusCode: '200',
            responseParameters: {
              'method.response.header.X-Log-Level': true,
              'method.response.header.X-Release-Channel': true,
            },
          },
        ],
      },
    );
  },
} satisfies CorpusApp;
