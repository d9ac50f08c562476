import { renderExpectedTemplate } from '@cors-workshop/testing';
import { describe, expect, it } from 'vitest';
import { resource, synthesized, template } from './stack-template.js';

describe('CustomCorsRestapiStack', () => {
  it('synthesizes the expected template', async () => {
    await expect(renderExpectedTemplate(synthesized)).toMatchFileSnapshot(
      './expected/CustomCorsRestapiStack.template.json',
    );
  });

  it("keeps the article's logical IDs, the added routes notwithstanding", () => {
    expect({
      CustomCorsRestApi3D2B9919: resource('CustomCorsRestApi3D2B9919').Type,
      CustomCorsRestApiget57AF1EA7: resource('CustomCorsRestApiget57AF1EA7').Type,
      CustomFnFE03B841: resource('CustomFnFE03B841').Type,
    }).toEqual({
      CustomCorsRestApi3D2B9919: 'AWS::ApiGateway::RestApi',
      CustomCorsRestApiget57AF1EA7: 'AWS::ApiGateway::Method',
      CustomFnFE03B841: 'AWS::Lambda::Function',
    });
  });
});

describe('the functions', () => {
  it('run on Node.js 22 with the bundled index.handler', () => {
    for (const logicalId of ['CustomFnFE03B841', 'BadRequestFn252A6388']) {
      expect(resource(logicalId).Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
      });
    }
  });

  it('log to their own group, kept one day and deleted with the stack; CDK adds no other group', () => {
    const logGroups = template.findResources('AWS::Logs::LogGroup');

    expect(Object.keys(logGroups).sort()).toEqual(['BadRequestFnLogs4F606608', 'CustomFnLogsCC9747E5']);
    for (const logGroup of Object.values(logGroups)) {
      expect(logGroup).toMatchObject({ Properties: { RetentionInDays: 1 }, DeletionPolicy: 'Delete' });
    }
  });

  it('publishes the invoke URL as an output, for scripts/verify.sh after a deploy', () => {
    const outputKeys = Object.keys(synthesized.Outputs ?? {});

    expect(outputKeys.filter((key) => key.startsWith('CustomCorsRestApiEndpoint'))).toHaveLength(1);
  });
});
