// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` is Velocity and Java syntax in these strings
import { describe, expect, it } from 'vitest';
import {
  CONTEXT_KEYS,
  compileMappingTemplate,
  emptyOverrides,
  MappingTemplateRenderError,
  MappingTemplateSyntaxError,
  UTIL_FUNCTION_NAMES,
} from '../../src/vtl/index.js';
import { mappingInput, REQUEST_CONTEXT, render, renderTemplate } from './render-template.js';

/**
 * The conformance suite: one test per fact of the API Gateway reference (§3 "The VTL environment" and the
 * override facts of §2), each named after the fact. The templates and expected outputs of the recorded
 * facts are those of LocalStack's AWS-validated snapshots.
 */

/** The LocalStack `test_input_path_template_formatting` templates, which read `$.json` of an echo. */
const PATH = '#set($result = $input.path("$.json"))$result';
const NESTED = '#set($result = $input.path("$.json"))$result.nested';
const LIST = '#set($result = $input.path("$.json"))$result[0]';
const TO_STRING = '#set($result = $input.path("$.json"))$result.toString()';
const PROBE =
  '{"body": $result, "nested": $result.nested, "isNull": #if( $result == $null )"true"#else"false"#end, ' +
  '"isEmptyString": #if( $result == "" )"true"#else"false"#end}';
const INVALID_PATH = `#set($result = $input.path("$.nonExisting"))${PROBE}`;
const NESTED_LIST = `#set($result = $input.path("$.json.listValue"))${PROBE}`;
const echo = (json: unknown) => JSON.stringify({ json });

describe('$input (reference §3)', () => {
  it('gives the raw payload as $input.body, spacing and all', () => {
    expect(render('#set($result = $input.body)$result', { body: '{"some": "value"}' })).toBe(
      '{"some": "value"}',
    );
    expect(render('#set($result = $input.body)$result', { body: 'some raw data' })).toBe('some raw data');
  });

  it('renders an empty body as {}', () => {
    expect(render('#set($result = $input.body)$result', { body: '' })).toBe('{}');
    expect(render('Action=SendMessage&MessageBody=$input.body')).toBe('Action=SendMessage&MessageBody={}');
  });

  it('inlines the raw body in text such as an SQS form body', () => {
    expect(render('Action=SendMessage&MessageBody=$input.body', { body: '{"some": "value"}' })).toBe(
      'Action=SendMessage&MessageBody={"some": "value"}',
    );
  });

  it('gives $input.json(path) as compact JSON text of the JSONPath result', () => {
    const body = '{"a": {"b": [1, 2]}, "s": "x"}';
    expect(render("$input.json('$')", { body })).toBe('{"a":{"b":[1,2]},"s":"x"}');
    expect(render("$input.json('$.a.b')", { body })).toBe('[1,2]');
    expect(render("$input.json('$.s')", { body })).toBe('"x"');
  });

  it('renders $input.json of a missing path as ""', () => {
    expect(render("$input.json('$.message')", { body: '{"action":"x"}' })).toBe('""');
    expect(render("$input.json('$.message')", { body: '"#foobar123"' })).toBe('""');
  });

  it('reads an empty body as {} in $input.json and $input.path as well', () => {
    expect(render("$input.json('$')")).toBe('{}');
    expect(render("$input.path('$.myVar')")).toBe('');
  });

  it('gives $input.path(path) as a template object to navigate', () => {
    const body = '{"items": [{"id": 7}, {"id": 8}], "owner": {"name": "ana"}}';
    expect(render("#set($o = $input.path('$'))$o.owner.name $o.items.size() $o.items[1].id", { body })).toBe(
      'ana 2 8',
    );
  });

  it('gives $input.params() as the map {path, querystring, header}', () => {
    const out = render('$input.params()', {
      path: { id: '7' },
      querystring: { q: 'x' },
      header: { Host: 'h' },
    });
    expect(out).toBe('{path={id=7}, querystring={q=x}, header={Host=h}}');
  });

  it('searches $input.params(name) in path, then querystring, then header', () => {
    const options = {
      path: { a: 'path' },
      querystring: { a: 'query', b: 'query' },
      header: { a: 'h', b: 'h', c: 'h' },
    };
    expect(
      render("$input.params('a') $input.params('b') $input.params('c') [$input.params('d')]", options),
    ).toBe('path query h []');
  });

  it('reads header names case-sensitively in $input.params().header.get("Origin")', () => {
    const template = '[$input.params().header.get("Origin")][$input.params().header.get("origin")]';
    expect(render(template, { header: { origin: 'https://a.example' } })).toBe('[][https://a.example]');
    expect(render(template, { header: { Origin: 'https://a.example' } })).toBe('[https://a.example][]');
  });
});

describe('rendering recorded on AWS (reference §3)', () => {
  it('prints a map in Java toString form: {foo=bar}', () => {
    expect(render(PATH, { body: echo({ foo: 'bar' }) })).toBe('{foo=bar}');
  });

  it('prints a bigger map with ", " between entries: {bigger=dict, to=test, with=separators}', () => {
    expect(render(PATH, { body: echo({ bigger: 'dict', to: 'test', with: 'separators' }) })).toBe(
      '{bigger=dict, to=test, with=separators}',
    );
  });

  it('prints a list as compact JSON: [{"foo":"bar"}]', () => {
    expect(render(PATH, { body: echo([{ foo: 'bar' }]) })).toBe('[{"foo":"bar"}]');
  });

  it('prints a map reached by a property as {foo=bar}', () => {
    expect(render(NESTED, { body: echo({ nested: { foo: 'bar' } }) })).toBe('{foo=bar}');
  });

  it('prints a list reached by a property as JSON', () => {
    expect(render(NESTED, { body: echo({ nested: [{ foo: 'bar' }] }) })).toBe('[{"foo":"bar"}]');
  });

  it('prints a map taken from a list by index as {foo=bar}', () => {
    expect(render(LIST, { body: echo([{ foo: 'bar' }]) })).toBe('{foo=bar}');
  });

  it('prints a list taken from a list by index as JSON', () => {
    expect(render(LIST, { body: echo([[{ foo: 'bar' }]]) })).toBe('[{"foo":"bar"}]');
  });

  it('prints a map holding a list: {foo=[{"nested":"bar"}]}', () => {
    expect(render(PATH, { body: echo({ foo: [{ nested: 'bar' }] }) })).toBe('{foo=[{"nested":"bar"}]}');
  });

  it('gives the same text with .toString()', () => {
    expect(render(TO_STRING, { body: echo({ foo: 'bar' }) })).toBe('{foo=bar}');
    expect(render(TO_STRING, { body: echo({ list: [{ foo: 'bar' }] }) })).toBe('{list=[{"foo":"bar"}]}');
  });

  it('renders a missing path empty, equal to both $null and "", with an empty .nested', () => {
    expect(render(INVALID_PATH)).toBe('{"body": , "nested": , "isNull": "true", "isEmptyString": "true"}');
  });

  it('treats a JSON null like a missing path', () => {
    expect(render(NESTED_LIST, { body: echo({ listValue: null }) })).toBe(
      '{"body": , "nested": , "isNull": "true", "isEmptyString": "true"}',
    );
  });

  it('renders an empty list as [] that is neither null nor ""', () => {
    expect(render(NESTED_LIST, { body: echo({ listValue: [] }) })).toBe(
      '{"body": [], "nested": , "isNull": "false", "isEmptyString": "false"}',
    );
  });

  it('renders a property of the body string ($input.body.foo) empty', () => {
    for (const body of ['', '{"testAccess": 1}', 'some raw data']) {
      expect(render('#set($result = $input.body.testAccess)$result', { body })).toBe('');
    }
  });

  it('url-encodes the body and renders the encoding of $input.body.testAccess empty', () => {
    const template =
      'EncodedBody=$util.urlEncode($input.body)&EncodedBodyAccess=$util.urlEncode($input.body.testAccess)';
    expect(render(template)).toBe('EncodedBody=%7B%7D&EncodedBodyAccess=');
    expect(render(template, { body: '{"some": "value"}' })).toBe(
      'EncodedBody=%7B%22some%22%3A+%22value%22%7D&EncodedBodyAccess=',
    );
    expect(render(template, { body: 'some raw data' })).toBe('EncodedBody=some+raw+data&EncodedBodyAccess=');
  });
});

describe('$util (reference §3)', () => {
  it('has exactly escapeJavaScript, parseJson, urlEncode, urlDecode, base64Encode and base64Decode', () => {
    expect([...UTIL_FUNCTION_NAMES].sort()).toEqual(
      ['base64Decode', 'base64Encode', 'escapeJavaScript', 'parseJson', 'urlDecode', 'urlEncode'].sort(),
    );
  });

  it('renders an unknown $util function as nothing, without an error', () => {
    expect(render('[$util.toJson("x")][$util.time.nowISO8601()][$util.urlEncode]')).toBe('[][][]');
  });

  it("escapes ' as \\' in escapeJavaScript, which is not valid JSON", () => {
    expect(render(`$util.escapeJavaScript("it's")`)).toBe("it\\'s");
  });

  it('escapes like Apache Commons escapeJavaScript: quotes, backslash, slash, controls and non-ASCII', () => {
    expect(render('$util.escapeJavaScript($input.body)', { body: '{"a": "b/c\\d\té"}' })).toBe(
      '{\\"a\\": \\"b\\/c\\\\d\\t\\u00E9\\"}',
    );
  });

  it('returns an object with dot access from parseJson', () => {
    const template = `#set($o = $util.parseJson('{"key1":"var1","key2":{"arr":[1,2,3]}}'))$o.key1 $o.key2.arr[0]`;
    expect(render(template)).toBe('var1 1');
  });

  it('form-encodes in urlEncode: space as +', () => {
    expect(render('$util.urlEncode($input.body)', { body: '{"some": "value"} ~*' })).toBe(
      '%7B%22some%22%3A+%22value%22%7D+%7E*',
    );
  });

  it('decodes + as a space in urlDecode', () => {
    expect(render('$util.urlDecode("x%3Da+b%C3%A9")')).toBe('x=a bé');
  });

  it('chains base64Decode with parseJson', () => {
    const encoded = Buffer.from('{"message":"path1"}').toString('base64');
    expect(render(`$util.parseJson($util.base64Decode("${encoded}")).message`)).toBe('path1');
  });

  it('encodes UTF-8 text in base64Encode', () => {
    expect(render('$util.base64Encode("héllo")')).toBe(Buffer.from('héllo').toString('base64'));
  });
});

describe('$context (reference §3)', () => {
  it('lists the recorded keys in the recorded order in $context.keySet()', () => {
    const keys = render('#foreach($key in $context.keySet())$key#if($foreach.hasNext),#end#end');
    expect(keys).toBe(
      'resourceId,resourcePath,httpMethod,extendedRequestId,requestTime,path,accountId,protocol,requestOverride,' +
        'stage,domainPrefix,requestTimeEpoch,requestId,identity,domainName,deploymentId,responseOverride,apiId',
    );
    expect(keys.split(',')).toEqual(CONTEXT_KEYS);
  });

  it('prints the nested maps as "" through $context.get(key)', () => {
    const template =
      '#foreach($key in $context.keySet())"$key": "$context.get($key)"#if($foreach.hasNext),#end#end';
    const printed = JSON.parse(`{${render(template)}}`) as Record<string, string>;
    expect(printed.identity).toBe('');
    expect(printed.requestOverride).toBe('');
    expect(printed.responseOverride).toBe('');
    expect(printed.stage).toBe('dev');
    expect(printed.requestTimeEpoch).toBe('1795610442000');
  });

  it('lists the recorded identity keys, null values rendering ""', () => {
    const template =
      '#foreach($key in $context.identity.keySet())$key=[$context.identity.get($key)]#if($foreach.hasNext),#end#end';
    expect(render(template)).toBe(
      'cognitoIdentityPoolId=[],accountId=[],cognitoIdentityId=[],caller=[],sourceIp=[203.0.113.9],' +
        'principalOrgId=[],accessKey=[],cognitoAuthenticationType=[],cognitoAuthenticationProvider=[],' +
        'userArn=[],userAgent=[curl/8.5.0],user=[]',
    );
  });

  it('has path, header, querystring in requestOverride and header in responseOverride', () => {
    const template =
      '#foreach($k in $context.requestOverride.keySet())$k,#end|#foreach($k in $context.responseOverride.keySet())$k,#end|' +
      '[$context.requestOverride.get("path")][$context.responseOverride.get("header")]';
    expect(render(template)).toBe('path,header,querystring,|header,|[][]');
  });

  it('reads the documented error fields of a gateway response', () => {
    const context = {
      ...REQUEST_CONTEXT,
      error: { message: 'Missing Authentication Token', messageString: '"Missing Authentication Token"' },
    };
    expect(render('{"message":$context.error.messageString}', { context })).toBe(
      '{"message":"Missing Authentication Token"}',
    );
  });

  it("reads $stageVariables.x, $stageVariables['x'] and ${stageVariables['x']}", () => {
    const stageVariables = { table: 'items', 'with-dash': 'ok' };
    expect(
      render("$stageVariables.table $stageVariables['table'] ${stageVariables['with-dash']}", {
        stageVariables,
      }),
    ).toBe('items items ok');
    expect(render('[$stageVariables.table]', { stageVariables: null })).toBe('[]');
  });
});

describe('Java semantics (reference §3)', () => {
  it('matches the whole string in String.matches', () => {
    expect(
      render('#set($s = "https://a.example")$s.matches("a.example") $s.matches("https://a.example")'),
    ).toBe('false true');
    expect(render('#set($s = "ab")$s.matches("a|ab")')).toBe('true');
  });

  it('takes a Java regex with $1 group references in replaceAll', () => {
    expect(render('#set($s = "2026-11-25")$s.replaceAll("(\\d+)-(\\d+)-(\\d+)", "$3.$2.$1")')).toBe(
      '25.11.2026',
    );
  });

  it('compares strings by value with ==', () => {
    const template = '#set($a = "b.example")#set($b = "b.$c")#if($a == $b)same#{else}different#end';
    expect(render(template.replace('$c', 'example'))).toBe('same');
    expect(render(template.replace('$c', 'other'))).toBe('different');
  });

  it('renders a null or unknown reference as nothing', () => {
    expect(
      render('[$missing][$missing.deeper][$!missing][${missing}][$input.path("$.x")]', { body: '{}' }),
    ).toBe('[][][][][]');
  });

  it('leaves the target of a #set with a null right-hand side unchanged (Velocity 1.7)', () => {
    expect(render('#set($x = "kept")#set($x = $input.path("$.missing"))$x', { body: '{}' })).toBe('kept');
    expect(render('#set($x = "kept")#set($x = $nothing + 1)$x')).toBe('kept');
  });
});

describe('overrides (reference §2)', () => {
  const requestTemplate = `
    #set($context.responseOverride.status = 444)
    #set($context.responseOverride.header.foo = "bar")
    #set($context.responseOverride.custom = "is also passed around")
    {
      "statusCode": 200
    }
    `;

  it('returns the status and headers a request template overrides, without any response template', () => {
    const { overrides } = renderTemplate(requestTemplate);
    expect(overrides.responseOverride.status).toBe(444);
    expect(overrides.responseOverride.header).toEqual({ foo: 'bar' });
  });

  it('lets the response template read the status, header and other keys the request template set', () => {
    const { overrides } = renderTemplate(requestTemplate);
    const responseTemplate = `
    #set($statusOverride = $context.responseOverride.status)
    #set($fooHeader = $context.responseOverride.header.foo)
    #set($custom = $context.responseOverride.custom)
    {"statusOverride": "$statusOverride", "fooHeader": "$fooHeader", "custom": "$custom"}`;
    const response = renderTemplate(responseTemplate, { overrides });
    expect(JSON.parse(response.output)).toEqual({
      statusOverride: '444',
      fooHeader: 'bar',
      custom: 'is also passed around',
    });
    expect(response.overrides.responseOverride.status).toBe(444);
  });

  it('lets the response template read requestOverride.path set by the request template', () => {
    const request = compileMappingTemplate(
      `#set($body = $util.base64Decode($input.params('testPath')))
    #set($context.requestOverride.path.body = $body)
    {"statusCode": 200}`,
      'Request',
    );
    const response = compileMappingTemplate(
      `#set($body = $util.parseJson($context.requestOverride.path.body))
    #set($inputBody = $body.message)
    #if($inputBody == "path1")path was path one#elseif($inputBody == "path2")path was path two#{else}this is the else clause#end`,
      'Response',
    );
    const answer = (message: string) => {
      const testPath = Buffer.from(JSON.stringify({ message })).toString('base64');
      const first = request.render(mappingInput({ path: { testPath } }));
      return response.render(mappingInput({ overrides: first.overrides })).output.trim();
    };
    expect(answer('path1')).toBe('path was path one');
    expect(answer('path2')).toBe('path was path two');
    expect(answer('whatever')).toBe('this is the else clause');
  });

  it('assigns map entries with [$k]=, .put(k, v) and $context["requestOverride"].querystring["k"]=', () => {
    const request = renderTemplate(`
    #set($paramName = "foo")
    #set($context.requestOverride.querystring[$paramName] = "bar")
    #set($paramPutName = "putfoo")
    $context.requestOverride.querystring.put($paramPutName, "putBar")
    #set($context["requestOverride"].querystring["nestedfoo"] = "nestedFoo")
    {"statusCode": 200}`);
    expect(request.overrides.requestOverride.querystring).toEqual({
      foo: 'bar',
      putfoo: 'putBar',
      nestedfoo: 'nestedFoo',
    });
    const response = renderTemplate(
      `#set($value = $context.requestOverride.querystring["foo"])
    #set($value2 = $context.requestOverride.querystring["putfoo"])
    #set($value3 = $context.requestOverride.querystring["nestedfoo"])
    {"value": "$value", "value2": "$value2", "value3": "$value3"}`,
      { overrides: request.overrides },
    );
    expect(JSON.parse(response.output)).toEqual({ value: 'bar', value2: 'putBar', value3: 'nestedFoo' });
  });

  it('fails the template when it overrides the same parameter twice (API Gateway answers 5XX)', () => {
    const twice =
      '#set($context.responseOverride.header.foo = "a")#set($context.responseOverride.header.foo = "b")';
    expect(() => render(twice)).toThrow(MappingTemplateRenderError);
    expect(() => render(twice)).toThrow(/\$context\.responseOverride\.header\.foo is overridden twice/);
    expect(() =>
      render('#set($context.responseOverride.status = 400)$context.responseOverride.put("status", 401)'),
    ).toThrow(/responseOverride\.status is overridden twice/);
  });

  it('ignores a status override outside the integers 100 to 599', () => {
    for (const status of ['99', '600', '"404"', '204.5']) {
      const { overrides } = renderTemplate(`#set($context.responseOverride.status = ${status})`);
      expect(overrides.responseOverride.status).toBeUndefined();
    }
    expect(
      renderTemplate('#set($context.responseOverride.status = 599)').overrides.responseOverride.status,
    ).toBe(599);
  });
});

/** CDK's multi-origin preflight response templates (reference §1 (c)). */
describe('CDK preflight templates for several origins', () => {
  const current = [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if($origin == "")',
    '  #set($origin = $input.params().header.get("origin"))',
    '#end',
    '#if($origin == "https://b.example" || $origin == "https://c.example")',
    '  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
    '',
  ].join('\n');
  const beforeCdk292 = [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if($origin == "") #set($origin = $input.params().header.get("origin")) #end',
    '#if($origin.matches("https://b.example") || $origin.matches("https://c.example"))',
    '  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
  ].join('\n');

  for (const [form, source] of [
    ['== form', current],
    ['matches form', beforeCdk292],
  ] as const) {
    const template = compileMappingTemplate(source, `ApiOPTIONS IntegrationResponses[0] (${form})`);
    const preflight = (header: Record<string, string>) =>
      template.render(mappingInput({ header, overrides: emptyOverrides() }));

    it(`echoes an allowed Origin in the override header (${form})`, () => {
      const result = preflight({ Origin: 'https://c.example' });
      expect(result.overrides.responseOverride.header).toEqual({
        'Access-Control-Allow-Origin': 'https://c.example',
      });
      expect(result.output.trim()).toBe('');
    });

    it(`falls back to a lower-case origin header (${form})`, () => {
      const result = preflight({ origin: 'https://b.example' });
      expect(result.overrides.responseOverride.header).toEqual({
        'Access-Control-Allow-Origin': 'https://b.example',
      });
    });

    it(`sets no override for another origin (${form})`, () => {
      const result = preflight({ Origin: 'https://evil.example' });
      expect(result.overrides.responseOverride.header).toEqual({});
      expect(result.output.trim()).toBe('');
    });

    it(`sets no override without an Origin header (${form})`, () => {
      const result = preflight({});
      expect(result.overrides.responseOverride.header).toEqual({});
      expect(result.output.trim()).toBe('');
    });
  }

  it('treats the origins of the matches form as Java regexes (an unescaped . matches any character)', () => {
    const template = compileMappingTemplate(beforeCdk292, 'ApiOPTIONS');
    const result = template.render(mappingInput({ header: { Origin: 'https://bXexample' } }));
    expect(result.overrides.responseOverride.header).toEqual({
      'Access-Control-Allow-Origin': 'https://bXexample',
    });
  });
});

describe('bad input', () => {
  const origin =
    'ProxyCorsRestApiOPTIONSEF3C92C2 IntegrationResponses[0] ResponseTemplates["application/json"]';

  it('refuses a syntax error at compile time, naming the origin, line, column and parser message', () => {
    let error: unknown;
    try {
      compileMappingTemplate('ok\n#set($a = )', origin);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MappingTemplateSyntaxError);
    const syntax = error as MappingTemplateSyntaxError;
    expect(syntax.origin).toBe(origin);
    expect(syntax.line).toBe(2);
    expect(syntax.column).toBeGreaterThan(0);
    expect(syntax.message).toContain(
      `${origin}: invalid mapping template at line 2, column ${syntax.column}`,
    );
    expect(syntax.message).toContain("got 'CLOSE_PARENTHESIS'");
  });

  it('refuses an #if without #end and a stray #end', () => {
    expect(() => compileMappingTemplate('x\n  #if($a)y', origin)).toThrow(
      /at line 2, column 3: #if is never closed by #end/,
    );
    expect(() => compileMappingTemplate('#if($a)y#end\n#end tail', origin)).toThrow(
      /at line 2, column 1: #end closes no #if/,
    );
    expect(() => compileMappingTemplate('#else', origin)).toThrow(/#else outside an #if/);
  });

  it('reports a render-time failure as MappingTemplateRenderError with the origin and the reference', () => {
    const template = compileMappingTemplate('line one\n  #set($s = "abc")$s.substring(2, 9)', origin);
    let error: unknown;
    try {
      template.render(mappingInput());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MappingTemplateRenderError);
    expect((error as Error).message).toBe(
      `${origin}: mapping template failed at line 2, column 19 in $s.substring(2,9): ` +
        'substring(2, 9) is out of range for a string of length 3',
    );
  });

  it('fails $input.json() on a body that is not JSON', () => {
    const template = compileMappingTemplate('{"body": $input.json(\'$\')}', origin);
    expect(() => template.render(mappingInput({ body: 'not json' }))).toThrow(MappingTemplateRenderError);
    expect(() => template.render(mappingInput({ body: 'not json' }))).toThrow(
      /in \$input\.json\('\$'\): the body is not valid JSON .*"not json"/,
    );
  });

  it('fails $input.path() on a body that is not JSON as well', () => {
    expect(() => render("$input.path('$.a')", { body: '{"a":' })).toThrow(/the body is not valid JSON/);
  });
});

describe('compiled templates', () => {
  it('renders a template without $ or # as its own text', () => {
    const template = compileMappingTemplate('{ statusCode: 200 }', 'ApiOPTIONS RequestTemplates');
    const overrides = emptyOverrides();
    const result = template.render(mappingInput({ overrides }));
    expect(result.output).toBe('{ statusCode: 200 }');
    expect(result.overrides).toBe(overrides);
  });

  it('renders the same template many times without carrying state between renders', () => {
    const template = compileMappingTemplate(
      '#foreach($i in [1..3])#if($i == 2)#break#end$i#end #set($seen = "$!seen+")$seen',
      'Loop',
    );
    for (let i = 0; i < 3; i++) expect(template.render(mappingInput()).output).toBe('1 +');
  });

  it('does not change the caller’s context, parameters or stage variables', () => {
    const context = { ...REQUEST_CONTEXT, identity: { sourceIp: '1.1.1.1' } };
    const header = { Origin: 'a' };
    const stageVariables = { s: '1' };
    render(
      '$context.identity.put("sourceIp", "x")$input.params().header.put("Origin", "b")$stageVariables.put("s", "2")',
      { context, header, stageVariables },
    );
    expect(context.identity.sourceIp).toBe('1.1.1.1');
    expect(header.Origin).toBe('a');
    expect(stageVariables.s).toBe('1');
  });
});
