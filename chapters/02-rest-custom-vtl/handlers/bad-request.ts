/**
 * The handler behind `GET /fails`: a function that reports a client error the way custom integrations
 * expect, by throwing. API Gateway matches the error's message against each integration response's
 * `selectionPattern` to choose the HTTP status.
 *
 * @module
 */

/**
 * The prefix that selects the `400` integration response; the message after it is for the caller.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
 */
export const BAD_REQUEST_PREFIX = '[BadRequest]';

/**
 * Always fails with `[BadRequest] no such thing`. Lambda reports it as `errorMessage` in its error
 * response, and the `400` integration response (pattern `\[BadRequest\].*`) is chosen.
 */
export const handler = async (): Promise<never> => {
  throw new Error(`${BAD_REQUEST_PREFIX} no such thing`);
};
