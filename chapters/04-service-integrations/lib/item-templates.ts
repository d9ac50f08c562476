/**
 * The mapping templates that turn HTTP requests into DynamoDB requests, and DynamoDB's answers into HTTP
 * responses, for `ItemsRestApi`.
 *
 * @module
 */

/**
 * The request template of `POST /items`: a DynamoDB `PutItem` request built from the JSON body
 * `{"id": "…", "text": "…"}`.
 *
 * `$input.json('$.id')` writes the value as JSON text, quotes and escapes included, so a body cannot break
 * out of the string it lands in. A missing `id` becomes `""`, which DynamoDB refuses for a key attribute
 * with a `400 ValidationException`; a number becomes `{"S":42}`, which it refuses as well.
 *
 * @param tableName - the table's name (a CDK token is fine: it becomes `Fn::Join` in the template)
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-variable-reference
 */
export function putItemRequestTemplate(tableName: string): string {
  return `{"TableName":"${tableName}","Item":{"id":{"S":$input.json('$.id')},"text":{"S":$input.json('$.text')}}}`;
}

/**
 * The request template of `GET /items`: a DynamoDB `Scan` of the whole table. A scan reads every item, which
 * is fine for a workshop's handful; a real API would `Query` one partition instead.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
 */
export function scanRequestTemplate(tableName: string): string {
  return `{"TableName":"${tableName}"}`;
}

/**
 * The response template of a `PutItem` that succeeded. DynamoDB answers `{}`: the response template sees
 * the integration's answer, not the client's request, so it has nothing of the item to echo.
 */
export const SAVED_RESPONSE_TEMPLATE = '{"saved":true}';

/**
 * The response template of a `PutItem` DynamoDB refused (any 4XX): a fixed message and the name of
 * DynamoDB's error, the part of its `__type` after `#` (`com.amazon.coral.validate#ValidationException` →
 * `ValidationException`). DynamoDB's own wording stays out of the answer: it names the table's internals.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 */
export const REFUSED_RESPONSE_TEMPLATE = [
  "#set($type = $input.path('$.__type'))",
  "#set($start = $type.lastIndexOf('#') + 1)",
  '{"message":"The item was refused","error":"$type.substring($start)"}',
].join('');

/**
 * The response template of `GET /items`: DynamoDB's `Scan` answer, with its typed attribute values
 * (`{"id":{"S":"milk"}}`), reshaped into plain JSON: `{"count":2,"items":[{"id":"milk","text":"Buy milk"},…]}`.
 * Each string is written by `$input.json`, so quotes and backslashes in the data stay valid JSON. One line:
 * Velocity keeps the line breaks between directives.
 */
export const LIST_RESPONSE_TEMPLATE = [
  `{"count":$input.json('$.Count'),"items":[`,
  `#foreach($item in $input.path('$.Items'))`,
  `{"id":$input.json("$.Items[$foreach.index].id.S"),"text":$input.json("$.Items[$foreach.index].text.S")}`,
  '#if($foreach.hasNext),#end',
  '#end',
  ']}',
].join('');
