import { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpAlbIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { CorpusApp } from './corpus-app.js';

/** An HTTP API in front of a private load balancer, through a VPC link. */
export default {
  description: 'HTTP API with a private integration to an Application Load Balancer through a VPC link',
  build(app) {
    const stack = new Stack(app, 'OrdersPrivate');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const lb = new elbv2.ApplicationLoadBalancer(stack, 'OrdersLb', { vpc });
    const listener = lb.addListener('Http', { port: 80 });
    listener.addAction('Fixed', {
      action: elbv2.ListenerAction.fixedResponse(200, { messageBody: 'orders' }),
    });
    const api = new apigwv2.HttpApi(stack, 'OrdersApi');
    api.addRoutes({
      path: '/orders',
      methods: [apigwv2.HttpMethod.GET],
      integration: new HttpAlbIntegration('Orders', listener),
    });
  },
} satisfies CorpusApp;
