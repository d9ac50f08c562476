import { Duration, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { CorpusApp } from './corpus-app.js';

/** An HTTP API in front of an existing HTTP service, with the gateway answering CORS. */
export default {
  description: 'HTTP API proxying to a public URL (HttpUrlIntegration) with a CorsConfiguration',
  build(app) {
    const stack = new Stack(app, 'LegacyFacade');
    const api = new apigwv2.HttpApi(stack, 'FacadeApi', {
      corsPreflight: {
        allowOrigins: ['https://app.example.com'],
        allowMethods: [apigwv2.CorsHttpMethod.GET, apigwv2.CorsHttpMethod.POST],
        allowHeaders: ['content-type'],
        maxAge: Duration.minutes(10),
      },
    });
    api.addRoutes({
      path: '/legacy/{proxy+}',
      methods: [apigwv2.HttpMethod.ANY],
      integration: new HttpUrlIntegration('Legacy', 'https://legacy.example.com/api/{proxy}'),
    });
  },
} satisfies CorpusApp;
