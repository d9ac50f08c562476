import { describe, expect, it } from 'vitest';
import {
  awsUriProblem,
  integrationProblem,
  lambdaFunctionArnOf,
} from '../../src/rest/validate-integration.js';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:f';

describe('lambdaFunctionArnOf', () => {
  it('finds the function of an invocation URI, with one slash after path or several', () => {
    expect(
      lambdaFunctionArnOf(`arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FN}/invocations`),
    ).toBe(FN);
    expect(
      lambdaFunctionArnOf(`arn:aws:apigateway:us-east-1:lambda:path//2015-03-31/functions/${FN}/invocations`),
    ).toBe(FN);
  });

  it('finds none in a URI that is no function invocation', () => {
    expect(
      lambdaFunctionArnOf(`arn:aws:apigateway:us-east-1:lambda:path/random/value/${FN}/invocations`),
    ).toBeUndefined();
    expect(lambdaFunctionArnOf(FN)).toBeUndefined();
  });
});

describe('awsUriProblem', () => {
  it('accepts service path and action ARNs', () => {
    expect(awsUriProblem('arn:aws:apigateway:us-east-1:dynamodb:action/PutItem')).toBeUndefined();
    expect(awsUriProblem('arn:aws:apigateway:us-east-1:s3:path/b/k')).toBeUndefined();
  });

  it('refuses what is no ARN, and ARNs of something else', () => {
    expect(awsUriProblem('')).toBe('Invalid ARN specified in the request');
    expect(awsUriProblem('https://example.com/')).toBe('Invalid ARN specified in the request');
    expect(awsUriProblem(FN)).toBe('AWS ARN for integration must contain path or action');
  });
});

describe('integrationProblem', () => {
  it('needs IntegrationHttpMethod for every type but MOCK', () => {
    expect(integrationProblem({ Type: 'MOCK' })).toBeUndefined();
    expect(integrationProblem({ Type: 'AWS_PROXY', Uri: 'x' })).toBe(
      'Enumeration value for HttpMethod must be non-empty',
    );
  });
});
