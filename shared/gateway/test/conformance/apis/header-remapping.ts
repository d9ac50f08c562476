/**
 * The APIs of the header remapping cases (`cases/header-remapping.ts`), and the headers they map.
 *
 * @module
 */
import type { TestMethod } from '../../support/rest-template.js';
import { type ApiTemplates, api, custom, ok, proxy } from './api-builders.js';

/** The headers the header-remapping recording sends and maps. */
export const REMAPPING_HEADERS = [
  'Accept',
  'Accept-Charset',
  'Accept-Encoding',
  'Age',
  'Authorization',
  'Connection',
  'Content-Encoding',
  'Content-Length',
  'Content-MD5',
  'Content-Type',
  'Date',
  'Expect',
  'Host',
  'Max-Forwards',
  'Pragma',
  'Proxy-Authenticate',
  'Range',
  'Referer',
  'Server',
  'TE',
  'Transfer-Encoding',
  'Trailer',
  'Upgrade',
  'User-Agent',
  'Via',
  'Warn',
  'WWW-Authenticate',
] as const;

/** Integration request headers whose mapping makes a Lambda integration answer 500, by resource path. */
export const UNMAPPABLE_CASES = {
  'content-length': 'Content-Length',
  'transfer-encoding': 'Transfer-Encoding',
  authorization: 'Authorization',
  connection: 'Connection',
  expect: 'Expect',
  'proxy-authenticate': 'Proxy-Authenticate',
  te: 'TE',
} as const;

/** The integration request parameters of the recording's `/full` resource (static values but `Host`). */
const FULL_REQUEST_PARAMETERS: Record<string, string> = {
  'integration.request.header.Accept': "'text/html'",
  'integration.request.header.Accept-Charset': "'UTF-16'",
  'integration.request.header.Accept-Encoding': "'zstd'",
  'integration.request.header.Age': "'request_params_age'",
  'integration.request.header.Content-Encoding': "'compress'",
  'integration.request.header.Content-MD5': "'request_params_Content-MD5'",
  'integration.request.header.Content-Type': "'application/json'",
  'integration.request.header.Date': "'request_params_Date'",
  'integration.request.header.Host': 'method.request.header.Host',
  'integration.request.header.Max-Forwards': "'2'",
  'integration.request.header.Pragma': "'no-cache'",
  'integration.request.header.Range': "'bytes=0-499'",
  'integration.request.header.Referer': "'https://example.com/page'",
  'integration.request.header.Server': "'https://example.com/page'",
  'integration.request.header.Trailer': "'user-agent'",
  'integration.request.header.Upgrade': "'HTTP/2.0'",
  'integration.request.header.User-Agent': "'Override-Agent'",
  'integration.request.header.Warn': `'110 anderson/1.3.37 "Response is stale"'`,
  'integration.request.header.WWW-Authenticate': "'Basic YWxhZGRpbjpvcGVuc2VzYW1l'",
  'integration.request.header.Via': "'othersite.net'",
};

const UNMAPPABLE_VALUES: Record<string, string> = {
  'Content-Length': "'0'",
  'Transfer-Encoding': "'deflate'",
  Authorization: "'request_params_authorization'",
  Connection: "'keep-alive'",
  Expect: "'200-ok'",
  'Proxy-Authenticate': `'Basic realm="Access to the internal site"'`,
  TE: "'gzip'",
};

function remappingApi(type: 'AWS' | 'AWS_PROXY') {
  const integration = (extra: Record<string, unknown>) =>
    type === 'AWS' ? custom('ProxyEcho', extra) : proxy('ProxyEcho', extra);
  const declared = [
    {
      StatusCode: '200',
      ResponseParameters: Object.fromEntries(
        REMAPPING_HEADERS.map((h) => [`method.response.header.${h}`, true]),
      ),
    },
  ];
  const method = (path: string, extra: Record<string, unknown>): TestMethod => ({
    path,
    httpMethod: 'GET',
    integration: integration(extra),
    methodResponses: declared,
  });
  const template = `{${REMAPPING_HEADERS.map((h) => `"${h}": "$input.params('${h}')"`).join(',')}}`;
  return api({
    stageName: 'test',
    methods: [
      method('/no-param', { IntegrationResponses: ok }),
      method('/full', {
        RequestParameters: FULL_REQUEST_PARAMETERS,
        RequestTemplates: { 'application/json': template },
        IntegrationResponses: [
          {
            StatusCode: '200',
            ResponseParameters: Object.fromEntries(
              REMAPPING_HEADERS.map((h) => [`method.response.header.${h}`, `'response_param_${h}'`]),
            ),
          },
        ],
      }),
      ...Object.entries(UNMAPPABLE_CASES).map(([path, header]) =>
        method(`/${path}`, {
          RequestParameters: { [`integration.request.header.${header}`]: UNMAPPABLE_VALUES[header] },
          IntegrationResponses: ok,
        }),
      ),
    ],
  });
}

export const HEADER_REMAPPING_APIS: ApiTemplates = {
  remapAws: remappingApi('AWS'),
  remapAwsProxy: remappingApi('AWS_PROXY'),
};
