// The smallest Lambda proxy handler of the corpus: a greeting from its environment.
exports.handler = async () => ({
  statusCode: 200,
  headers: { 'content-type': 'text/plain' },
  body: `${process.env.GREETING ?? 'hello'} from ${process.env.AWS_LAMBDA_FUNCTION_NAME}`,
});
