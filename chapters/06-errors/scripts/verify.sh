#!/usr/bin/env bash
# Checks, with curl, what chapter 06 claims about its four APIs. How they are found and the exit status: see
# scripts/verify-lib.sh; from $API_URL, the URL of BareRestApi (e.g.
# https://abc123.execute-api.us-east-1.amazonaws.com/prod/), and, optionally, $FIXED_API_URL,
# $BINARY_API_URL and $HTTP_API_URL for the others.
#
# ORIGIN chooses the page origin sent (default below). The /slow checks each take a second: the integration
# timeout.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/verify-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/verify-lib.sh"

stack_name='errors-cors-stack'
origin="${ORIGIN:-http://localhost:3000}"
proxy_failure='{"message": "Internal server error"}'
missing_token='{"message":"Missing Authentication Token"}'
api_key='cors-workshop-06-demo-key-not-a-secret'
json='Content-Type: application/json'

find_api BareRestApiEndpoint BareRestApi5A595F09
fixed_url="$(other_api_url FIXED_API_URL FixedRestApiEndpoint FixedRestApi0F650B4E)"
binary_url="$(other_api_url BINARY_API_URL BinaryRestApiEndpoint BinaryRestApi1C34AC9E)"
http_url="$(other_api_url HTTP_API_URL ErrorsHttpApiEndpoint ErrorsHttpApi6FCB4068)"

# --- BareRestApi: the errors API Gateway writes itself, without gateway responses -------------------------

exchange GET "${base_url}items" "Origin: $origin"
expect_status 200
expect_header access-control-allow-origin '*'

exchange GET "${base_url}nothing-here" "Origin: $origin"
expect_status 403
expect_header x-amzn-errortype MissingAuthenticationTokenException
expect_no_cors_header
expect_body "$missing_token"

exchange DELETE "${base_url}items" "Origin: $origin"
expect_status 403
expect_no_cors_header
expect_body "$missing_token"

exchange GET "${base_url}malformed" "Origin: $origin"
expect_status 502
expect_no_cors_header
expect_body "$proxy_failure"

exchange GET "${base_url}throws" "Origin: $origin"
expect_status 502
expect_no_cors_header
expect_body "$proxy_failure"

exchange GET "${base_url}slow" "Origin: $origin"
expect_status 504
expect_no_cors_header
expect_body '{"message":"Endpoint request timed out"}'

# The method request: an API key, request validation, throttling. No integration runs.
exchange GET "${base_url}keyed" "Origin: $origin"
expect_status 403
expect_header x-amzn-errortype ForbiddenException
expect_no_cors_header

exchange GET "${base_url}keyed" "Origin: $origin" "x-api-key: $api_key"
expect_status 200
expect_header access-control-allow-origin '*'

exchange GET "${base_url}search" "Origin: $origin"
expect_status 400
expect_no_cors_header
expect_body_contains 'Missing required request parameters: [q]'

exchange POST "${base_url}items" --data-raw '{"title":"no name"}' "Origin: $origin" "$json"
expect_status 400
expect_no_cors_header
expect_body_contains 'Invalid request body'

exchange GET "${base_url}throttled" "Origin: $origin"
expect_status 429
expect_no_cors_header

# --- FixedRestApi: DEFAULT_4XX, DEFAULT_5XX and two specific types ---------------------------------------

if [[ -z "$fixed_url" ]]; then
  printf '\n(skipping FixedRestApi: set FIXED_API_URL to check it too)\n'
else
  fixed_url="${fixed_url%/}/"
  printf '\nVerifying %s\n' "$fixed_url"

  exchange GET "${fixed_url}nothing-here" "Origin: $origin"
  expect_status 404
  expect_header access-control-allow-origin '*'
  expect_cors_header_count 1
  expect_body '{"message":"No such route"}'

  exchange DELETE "${fixed_url}items" "Origin: $origin"
  expect_status 404
  expect_header access-control-allow-origin '*'

  exchange GET "${fixed_url}malformed" "Origin: $origin"
  expect_status 502
  expect_header access-control-allow-origin '*'
  expect_body "$proxy_failure"

  exchange GET "${fixed_url}throws" "Origin: $origin"
  expect_status 502
  expect_header access-control-allow-origin '*'

  # DEFAULT_4XX covers the method request's errors too.
  exchange GET "${fixed_url}keyed" "Origin: $origin"
  expect_status 403
  expect_header access-control-allow-origin '*'

  exchange GET "${fixed_url}search" "Origin: $origin"
  expect_status 400
  expect_header access-control-allow-origin '*'

  exchange POST "${fixed_url}items" --data-raw '{"title":"no name"}' "Origin: $origin" "$json"
  expect_status 400
  expect_header access-control-allow-origin '*'

  exchange GET "${fixed_url}throttled" "Origin: $origin"
  expect_status 429
  expect_header access-control-allow-origin '*'

  # The specific INTEGRATION_TIMEOUT response sets a body only: it does not inherit DEFAULT_5XX's header.
  exchange GET "${fixed_url}slow" "Origin: $origin"
  expect_status 504
  expect_no_cors_header
  expect_body '{"message":"The items are slow today; try again"}'

  # A preflight to a path with no resource: the header is there, the status is not ok.
  exchange OPTIONS "${fixed_url}nothing-here" "Origin: $origin" 'Access-Control-Request-Method: GET'
  expect_status 404
  expect_header access-control-allow-origin '*'
fi

# --- BinaryRestApi: binaryMediaTypes */*, CDK's preflight as generated and converted to text ------------

if [[ -z "$binary_url" ]]; then
  printf '\n(skipping BinaryRestApi: set BINARY_API_URL to check it too)\n'
else
  binary_url="${binary_url%/}/"
  printf '\nVerifying %s\n' "$binary_url"

  # CDK's preflight as generated: its MOCK cannot transform a binary request.
  exchange OPTIONS "${binary_url}as-generated" "Origin: $origin" 'Access-Control-Request-Method: GET'
  expect_status 500
  expect_no_cors_header

  # The same preflight with ContentHandling: CONVERT_TO_TEXT.
  exchange OPTIONS "${binary_url}converted" "Origin: $origin" 'Access-Control-Request-Method: GET'
  expect_status 204
  expect_header access-control-allow-origin '*'
fi

# --- ErrorsHttpApi: the same failures behind an HTTP API --------------------------------------------------

if [[ -z "$http_url" ]]; then
  printf '\n(skipping ErrorsHttpApi: set HTTP_API_URL to check it too)\n'
else
  http_url="${http_url%/}/"
  printf '\nVerifying %s\n' "$http_url"

  exchange GET "${http_url}nothing-here" "Origin: $origin"
  expect_status 404
  expect_no_cors_header
  expect_body '{"message":"Not Found"}'

  exchange GET "${http_url}malformed" "Origin: $origin"
  expect_status 500
  expect_header access-control-allow-origin '*'
  expect_body '{"message":"Internal Server Error"}'

  exchange GET "${http_url}throws" "Origin: $origin"
  expect_status 500
  expect_header access-control-allow-origin '*'

  # The status of an HTTP API integration timeout is the local gateway's documented choice.
  exchange GET "${http_url}slow" "Origin: $origin"
  expect_status 503
  expect_header access-control-allow-origin '*'

  exchange GET "${http_url}throttled" "Origin: $origin"
  expect_status 429
  expect_header access-control-allow-origin '*'
fi

report_and_exit
