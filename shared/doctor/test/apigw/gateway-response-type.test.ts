import { describe, expect, it } from 'vitest';
import { gatewayResponseFamily, gatewayResponseType } from '../../src/apigw/gateway-response-type.js';

describe('gatewayResponseType', () => {
  it('knows a type by its x-amzn-ErrorType', () => {
    expect(
      gatewayResponseType(
        'MissingAuthenticationTokenException',
        403,
        '{"message":"Missing Authentication Token"}',
      ),
    ).toBe('MISSING_AUTHENTICATION_TOKEN');
  });

  it('tells apart the types that share an error type by their message and status', () => {
    expect(gatewayResponseType('BadRequestException', 415, '{"message":"Unsupported Media Type"}')).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(
      gatewayResponseType('InternalServerErrorException', 502, '{"message": "Internal server error"}'),
    ).toBe('DEFAULT_5XX');
    expect(
      gatewayResponseType('InternalServerErrorException', 504, '{"message":"Endpoint request timed out"}'),
    ).toBe('INTEGRATION_TIMEOUT');
  });

  it('knows nothing of an unknown error type', () => {
    expect(gatewayResponseType('SomethingElse', 400, '')).toBeUndefined();
  });
});

describe('gatewayResponseFamily', () => {
  it('puts a type in DEFAULT_4XX or DEFAULT_5XX by its default status', () => {
    expect(gatewayResponseFamily('MISSING_AUTHENTICATION_TOKEN', 599)).toBe('DEFAULT_4XX');
    expect(gatewayResponseFamily('INTEGRATION_TIMEOUT', 200)).toBe('DEFAULT_5XX');
  });
});
