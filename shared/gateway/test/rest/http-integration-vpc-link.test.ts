import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startGateway } from '../../src/start-gateway.js';
import { startEchoBackend } from '../support/echo-backend.js';
import { restApiTemplate, writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

const backend = await startEchoBackend();

describe('REST HTTP integrations through a VPC link', () => {
  const vpcLink = (origin?: string) =>
    restApiTemplate({
      methods: [
        {
          path: '/',
          httpMethod: 'GET',
          integration: {
            Type: 'HTTP_PROXY',
            IntegrationHttpMethod: 'GET',
            ConnectionType: 'VPC_LINK',
            ConnectionId: { Ref: 'Link' },
            Uri: { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': ['Nlb', 'DNSName'] }, '/health']] },
          },
        },
      ],
      extraResources: {
        Nlb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network' } },
        Link: { Type: 'AWS::ApiGateway::VpcLink', Properties: { TargetArns: [{ Ref: 'Nlb' }] } },
        ...(origin ? {} : {}),
      },
    });

  it('is refused without a mapping, naming the method and saying how to map it', async () => {
    await expect(
      startGateway({ source: writeTemplate(vpcLink()), port: 0, logger: recordingLogger() }),
    ).rejects.toThrow(
      /\(Method0\): the integration reaches its backend "http:\/\/[a-z0-9]+\.DNSName\/health" through a VPC link, which exists only once deployed; map it .*--http-endpoint Nlb=http:\/\/127\.0\.0\.1:PORT/,
    );
  });

  it('is served when the load balancer is mapped to a local URL', async () => {
    const gateway = await startGateway({
      source: writeTemplate(vpcLink()),
      port: 0,
      logger: recordingLogger(),
      httpEndpoints: { Nlb: backend.origin },
    });
    try {
      const response = await request(gateway.apis[0]!.url);
      expect(((await response.body.json()) as { url: string }).url).toBe('/health');
    } finally {
      await gateway.close();
    }
  });
});
