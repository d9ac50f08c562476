/**
 * The handler behind `GET /malformed`: it returns its body as an object instead of a string. API Gateway
 * cannot turn that into an HTTP answer and answers `502` itself — and the `Access-Control-Allow-Origin` the
 * function set is thrown away with the rest of its result.
 *
 * @module
 */

/**
 * Returns a result whose `body` is not a string: a malformed Lambda proxy response.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format
 */
export const handler = async () => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': '*' },
  body: { items: [] },
});
