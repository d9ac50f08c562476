// A response-streaming handler, as API Gateway's STREAM transfer mode invokes it: the runtime's
// `awslambda.streamifyResponse` wraps it and it writes its answer to a stream.
exports.handler = awslambda.streamifyResponse(async (_event, responseStream) => {
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 200,
    headers: { 'content-type': 'text/plain' },
  });
  stream.write('first part, ');
  stream.end('then the rest');
});
