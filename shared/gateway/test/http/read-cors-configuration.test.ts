import { describe, expect, it } from 'vitest';
import {
  CREDENTIALS_WITH_ANY_ORIGIN,
  readCorsConfiguration,
} from '../../src/http/read-cors-configuration.js';

describe('readCorsConfiguration', () => {
  it('reads the configuration CDK synthesizes for the article', () => {
    expect(readCorsConfiguration({ AllowMethods: ['*'], AllowOrigins: ['*'] })).toEqual({
      allowOrigins: ['*'],
      allowCredentials: false,
      allowMethods: ['*'],
      allowHeaders: [],
      exposeHeaders: [],
      maxAge: undefined,
    });
  });

  it('reads every property', () => {
    expect(
      readCorsConfiguration({
        AllowOrigins: ['https://a.example'],
        AllowCredentials: true,
        AllowMethods: ['GET'],
        AllowHeaders: ['content-type'],
        ExposeHeaders: ['x-id'],
        MaxAge: 600,
      }),
    ).toEqual({
      allowOrigins: ['https://a.example'],
      allowCredentials: true,
      allowMethods: ['GET'],
      allowHeaders: ['content-type'],
      exposeHeaders: ['x-id'],
      maxAge: 600,
    });
  });

  it("refuses credentials with the origin * in API Gateway's words", () => {
    expect(readCorsConfiguration({ AllowOrigins: ['https://a.example', '*'], AllowCredentials: true })).toBe(
      "allow-credentials is not supported if 'allow-origin' is *",
    );
    expect(CREDENTIALS_WITH_ANY_ORIGIN).toBe("allow-credentials is not supported if 'allow-origin' is *");
  });

  it('accepts credentials with a scheme wildcard, which is not the origin *', () => {
    expect(readCorsConfiguration({ AllowOrigins: ['https://*'], AllowCredentials: true })).toMatchObject({
      allowCredentials: true,
    });
  });

  it.each([
    [
      'a list that is not a list',
      { AllowOrigins: '*' },
      'CorsConfiguration.AllowOrigins must be a list of strings, got "*"',
    ],
    [
      'a list of non-strings',
      { AllowMethods: [1] },
      'CorsConfiguration.AllowMethods must be a list of strings, got [1]',
    ],
    ['a MaxAge out of range', { MaxAge: 86401 }, 'from -1 to 86400 (seconds), got 86401'],
    ['a MaxAge that is not an integer', { MaxAge: 1.5 }, 'got 1.5'],
    [
      'AllowCredentials that is not a boolean',
      { AllowCredentials: 'yes' },
      'must be true or false, got "yes"',
    ],
    ['a value that is not an object', ['*'], 'CorsConfiguration must be an object, got ["*"]'],
  ])('refuses %s, quoting the value', (_name, raw, message) => {
    expect(readCorsConfiguration(raw)).toContain(message);
  });
});
