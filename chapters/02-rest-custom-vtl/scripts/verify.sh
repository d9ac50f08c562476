#!/usr/bin/env bash
# Checks, with curl, what chapter 02 claims about its API. How the API is found (API_URL, outputs.json or a
# local gateway on cdk.out) and the exit status: see scripts/verify-lib.sh.
#
# ALLOWED_ORIGIN and OTHER_ORIGIN choose the origins sent (defaults below: the stack's second allowed origin
# for /greeting, and one that is not allowed).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/verify-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/verify-lib.sh"

stack_name='custom-cors-restapi-stack'
allowed_origin="${ALLOWED_ORIGIN:-http://localhost:5173}"
other_origin="${OTHER_ORIGIN:-https://not-allowed.example}"

find_api CustomCorsRestApiEndpoint

allow_headers='Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'
allow_methods='OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'

# The preflight of /: API Gateway answers it from the MOCK integration, no function runs.
exchange OPTIONS "$base_url"
expect_status 204
expect_header access-control-allow-origin '*'
expect_header access-control-allow-headers "$allow_headers"
expect_header access-control-allow-methods "$allow_methods"
expect_cors_header_count 3
expect_header_present x-amzn-requestid
expect_header_present x-amz-apigw-id

# The actual GET /: the request template feeds CustomFn, the response template shapes its answer, and the
# integration response maps Access-Control-Allow-Origin (declared on the method response).
exchange GET "$base_url"
expect_status 200
expect_header content-type 'application/json'
expect_header content-length 55
expect_header access-control-allow-origin '*'
expect_cors_header_count 1
expect_body '{"message":{"output":"this is the input"},"state":"ok"}'

# GET /fails: the function's error is mapped to a 400, and that integration response maps the header too.
exchange GET "${base_url}fails" "Origin: $other_origin"
expect_status 400
expect_header access-control-allow-origin '*'
expect_body '{"message":"[BadRequest] no such thing"}'

# API Gateway's own errors: the DEFAULT_4XX gateway response adds the header to them.
exchange GET "${base_url}missing" "Origin: $other_origin"
expect_status 403
expect_header access-control-allow-origin '*'
expect_body '{"message":"Missing Authentication Token"}'

# PassthroughBehavior NEVER: a body type without a request template is refused with 415, readable as well.
exchange GET "$base_url" 'Content-Type: text/plain' "Origin: $other_origin"
expect_status 415
expect_header access-control-allow-origin '*'

# GET /greeting: its response template echoes an allowed origin, and the answer varies by origin.
exchange GET "${base_url}greeting" "Origin: $allowed_origin"
expect_status 200
expect_header access-control-allow-origin "$allowed_origin"
expect_header vary Origin
expect_body '{"greeting":"hello"}'

exchange GET "${base_url}greeting" "Origin: $other_origin"
expect_status 200
expect_no_header access-control-allow-origin
expect_header vary Origin

# The preflight of /greeting (CDK's template) echoes an allowed origin, but never one outside the list.
exchange OPTIONS "${base_url}greeting" "Origin: $allowed_origin" 'Access-Control-Request-Method: GET'
expect_status 204
expect_header access-control-allow-origin "$allowed_origin"
expect_header vary Origin

exchange OPTIONS "${base_url}greeting" "Origin: $other_origin" 'Access-Control-Request-Method: GET'
expect_status 204
expect_origin_not_echoed "$other_origin"

report_and_exit
