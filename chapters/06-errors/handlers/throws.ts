/**
 * The handler behind `GET /throws`: an unhandled error. Lambda reports it, and API Gateway answers `502` in
 * the function's place.
 *
 * @module
 */

/** Always fails. */
export const handler = async (): Promise<never> => {
  throw new Error('the items table is not there');
};
