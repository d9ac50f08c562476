/**
 * The handler behind `GET /items`: a working route, so that the errors around it have something to compare
 * with. It sets its own `Access-Control-Allow-Origin`, as a Lambda proxy handler must.
 *
 * @module
 */
import type { APIGatewayProxyResult } from 'aws-lambda';

/** Answers `{"items":[]}`, readable from any origin. */
export const handler = async (): Promise<APIGatewayProxyResult> => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': '*' },
  body: JSON.stringify({ items: [] }),
});
