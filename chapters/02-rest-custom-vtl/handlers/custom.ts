/**
 * The handler behind `GET /` (and `GET /greeting`). With a custom integration API Gateway never shows the
 * function an HTTP request: the request template builds the event, and the response template turns whatever
 * the function returns into the HTTP response, CORS header included. So this function knows nothing about
 * HTTP or CORS.
 *
 * @module
 */

/** The event the request templates build, e.g. `{"input":"this is the input"}`. */
export interface InputEvent {
  /** The text to hand back. */
  readonly input: string;
}

/**
 * Returns the event's `input`. Lambda serializes the result as JSON, so API Gateway receives
 * `"this is the input"` (with the quotes) and the response template reads it as `$input.body`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-custom-integrations.html
 */
export const handler = async (event: InputEvent): Promise<string> => {
  return event.input;
};
