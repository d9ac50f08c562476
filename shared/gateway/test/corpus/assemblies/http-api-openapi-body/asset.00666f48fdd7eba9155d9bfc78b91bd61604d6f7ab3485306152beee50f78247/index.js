// A Lambda proxy handler of the corpus: answers with what it was asked, and the CORS header for the
// origins it allows (API Gateway sends none on a proxy integration's responses).
const allowed = (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);

exports.handler = async (event) => {
  const origin = event.headers?.origin ?? event.headers?.Origin;
  const headers = { 'content-type': 'application/json' };
  if (origin && allowed.includes(origin)) {
    headers['access-control-allow-origin'] = origin;
    headers.vary = 'Origin';
  }
  return {
    statusCode: 200,
    headers,
    body: JSON.stringify({
      method: event.httpMethod ?? event.requestContext?.http?.method,
      path: event.path ?? event.rawPath,
      id: event.pathParameters?.id ?? null,
      stage: event.requestContext?.stage,
    }),
  };
};
