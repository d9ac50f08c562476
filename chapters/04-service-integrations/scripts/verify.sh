#!/usr/bin/env bash
# Checks, with curl, what chapter 04 claims about its two APIs. How they are found and the exit status: see
# scripts/verify-lib.sh; from $API_URL, the URL of ItemsRestApi (e.g.
# https://abc123.execute-api.us-east-1.amazonaws.com/prod/), and, optionally, $EVENTS_API_URL, the URL of
# EventsHttpApi (e.g. https://def456.execute-api.us-east-1.amazonaws.com/). On a local gateway, DynamoDB and
# Kinesis are its embedded backends, or wherever AWS_ENDPOINT_URL_DYNAMODB / _KINESIS point.
#
# Each run writes an item with a new id (and a record into the stream), so it can run again and again against
# a deployed stack. PAGE_ORIGIN chooses the Origin sent (default below).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/verify-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/verify-lib.sh"

stack_name='service-integrations-stack'
page_origin="${PAGE_ORIGIN:-http://localhost:5173}"
item_id="verify-$(date +%s)-$RANDOM"

find_api ItemsRestApiEndpoint ItemsRestApi10ACB999
events_url="$(other_api_url EVENTS_API_URL EventsHttpApiEndpoint EventsHttpApiA4975F19)"

# --- ItemsRestApi: DynamoDB behind a REST API --------------------------------------------------------------

json='Content-Type: application/json'
origin="Origin: $page_origin"

# The preflight of a JSON POST: CDK's MOCK OPTIONS method, as in chapters 01 and 02.
exchange OPTIONS "${base_url}items" "$origin" 'Access-Control-Request-Method: POST' \
  'Access-Control-Request-Headers: content-type'
expect_status 204
expect_header access-control-allow-origin '*'
expect_header access-control-allow-methods 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'
expect_header access-control-allow-headers \
  'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'

# POST /items: DynamoDB PutItem. Its 200 is selected by the integration response that answers 201.
exchange POST "${base_url}items" --data-raw "{\"id\":\"$item_id\",\"text\":\"written by verify.sh\"}" \
  "$json" "$origin"
expect_status 201
expect_header access-control-allow-origin '*'
expect_body '{"saved":true}'

# GET /items: DynamoDB Scan, reshaped by the response template; the item just written is in it.
exchange GET "${base_url}items" "$origin"
expect_status 200
expect_header access-control-allow-origin '*'
expect_body_contains "{\"id\":\"$item_id\",\"text\":\"written by verify.sh\"}"

# A body without an id: DynamoDB answers 400, the 4\d{2} integration response maps it, CORS header included.
exchange POST "${base_url}items" --data-raw '{"text":"no id"}' "$json" "$origin"
expect_status 400
expect_header access-control-allow-origin '*'
expect_body '{"message":"The item was refused","error":"ValidationException"}'

# --- EventsHttpApi: Kinesis behind an HTTP API -------------------------------------------------------------

if [[ -z "$events_url" ]]; then
  printf '\n(skipping EventsHttpApi: set EVENTS_API_URL to check it too)\n'
else
  events_url="${events_url%/}/"
  printf '\nVerifying %s\n' "$events_url"

  # The preflight is answered by API Gateway from the CorsConfiguration.
  exchange OPTIONS "${events_url}events" "$origin" 'Access-Control-Request-Method: POST' \
    'Access-Control-Request-Headers: content-type'
  expect_status 204
  expect_header access-control-allow-origin '*'
  expect_header access-control-allow-methods 'POST'
  expect_header access-control-allow-headers 'content-type'

  # POST /events: Kinesis PutRecord; the answer is Kinesis's, the CORS header the configuration's.
  exchange POST "${events_url}events" --data-raw "{\"itemId\":\"$item_id\",\"type\":\"verify\"}" \
    "$json" "$origin"
  expect_status 200
  expect_header access-control-allow-origin '*'
  expect_body_contains '"SequenceNumber"'

  # Without itemId there is no partition key: Kinesis's 400 comes back, still with the CORS header.
  exchange POST "${events_url}events" --data-raw '{"type":"verify"}' "$json" "$origin"
  expect_status 400
  expect_header access-control-allow-origin '*'
fi

report_and_exit
