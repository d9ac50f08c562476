import { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type CorpusApp, handlerDir } from './corpus-app.js';

/** An HTTP API shared between stacks: a second stack adds a route to it by ID. */
export default {
  description:
    'HTTP API whose route is added by another stack importing it by ID (HttpApi.fromHttpApiAttributes)',
  build(app) {
    const platform = new Stack(app, 'Platform');
    const api = new apigwv2.HttpApi(platform, 'PlatformApi');
    const team = new Stack(app, 'TeamRoutes');
    const imported = apigwv2.HttpApi.fromHttpApiAttributes(team, 'Imported', { httpApiId: api.apiId });
    const fn = new lambda.Function(team, 'TeamFn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir('hello')),
    });
    new apigwv2.HttpRoute(team, 'TeamRoute', {
      httpApi: imported,
      routeKey: apigwv2.HttpRouteKey.with('/team', apigwv2.HttpMethod.GET),
      integration: new HttpLambdaIntegration('Team', fn),
    });
  },
} satisfies CorpusApp;
