/** The `ResponseParameters` of an integration response that map `Access-Control-Allow-Origin` to `*`. */
export const allowOrigin = { 'method.response.header.Access-Control-Allow-Origin': "'*'" };

/** The `ResponseParameters` of a method response that declare `Access-Control-Allow-Origin`. */
export const declaresAllowOrigin = { 'method.response.header.Access-Control-Allow-Origin': true };
