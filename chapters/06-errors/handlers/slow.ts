/**
 * The handler behind `GET /slow`: it takes longer than its integration may wait. API Gateway stops waiting
 * and answers `504` (a REST API) or `503` (an HTTP API on the local gateway) before the function has answered.
 *
 * @module
 */
import type { APIGatewayProxyResult } from 'aws-lambda';

/** How long the function takes, in milliseconds: longer than the one second its integrations wait. */
export const SLOW_FOR_MS = 2_000;

/** Answers `{"items":[]}` with CORS, too late. */
export const handler = async (): Promise<APIGatewayProxyResult> => {
  await new Promise((resolve) => setTimeout(resolve, SLOW_FOR_MS));
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': '*' },
    body: JSON.stringify({ items: [] }),
  };
};
