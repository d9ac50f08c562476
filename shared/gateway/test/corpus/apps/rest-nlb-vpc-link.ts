import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { CorpusApp } from './corpus-app.js';

/** A REST API reaching a private Network Load Balancer through a VPC link. */
export default {
  description: 'REST API with an HTTP_PROXY integration to a Network Load Balancer through a VPC link',
  build(app) {
    const stack = new Stack(app, 'BillingPrivate');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'BillingNlb', { vpc });
    nlb.addListener('Tcp', { port: 80 }).addTargets('Billing', { port: 80 });
    const link = new apigateway.VpcLink(stack, 'Link', { targets: [nlb] });
    const api = new apigateway.RestApi(stack, 'BillingApi');
    api.root.addResource('invoices').addMethod(
      'GET',
      new apigateway.Integration({
        type: apigateway.IntegrationType.HTTP_PROXY,
        integrationHttpMethod: 'GET',
        uri: `http://${nlb.loadBalancerDnsName}/invoices`,
        options: { connectionType: apigateway.ConnectionType.VPC_LINK, vpcLink: link },
      }),
    );
  },
} satisfies CorpusApp;
