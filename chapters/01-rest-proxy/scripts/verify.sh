#!/usr/bin/env bash
# Checks, with curl, what chapter 01 claims about its API. How the API is found (API_URL, outputs.json or a
# local gateway on cdk.out) and the exit status: see scripts/verify-lib.sh.
#
# ALLOWED_ORIGIN and OTHER_ORIGIN choose the origins sent to /greeting (defaults below: the stack's second
# allowed origin, and one that is not allowed).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/verify-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/verify-lib.sh"

stack_name='proxy-cors-restapi-stack'
allowed_origin="${ALLOWED_ORIGIN:-http://localhost:5173}"
other_origin="${OTHER_ORIGIN:-https://not-allowed.example}"

find_api ProxyCorsRestApiEndpoint

allow_headers='Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'
allow_methods='OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'

# The preflight of /: API Gateway answers it from the MOCK integration, the function is not called.
exchange OPTIONS "$base_url"
expect_status 204
expect_header access-control-allow-origin '*'
expect_header access-control-allow-headers "$allow_headers"
expect_header access-control-allow-methods "$allow_methods"
expect_header_present x-amzn-requestid
expect_header_present x-amz-apigw-id

# The actual GET /: the function's own Access-Control-Allow-Origin header passes through.
exchange GET "$base_url"
expect_status 200
expect_header content-type 'application/json'
expect_header content-length 14
expect_header access-control-allow-origin '*'
expect_body '{"state":"ok"}'

# The better way: GET /greeting answers only the allowed origins, and says that the answer varies by origin.
exchange GET "${base_url}greeting" "Origin: $allowed_origin"
expect_status 200
expect_header access-control-allow-origin "$allowed_origin"
expect_header vary Origin

exchange GET "${base_url}greeting" "Origin: $other_origin"
expect_status 200
expect_no_header access-control-allow-origin
expect_header vary Origin

# The preflight of /greeting echoes an allowed origin, but never one outside the list.
exchange OPTIONS "${base_url}greeting" "Origin: $allowed_origin" 'Access-Control-Request-Method: GET'
expect_status 204
expect_header access-control-allow-origin "$allowed_origin"
expect_header vary Origin

exchange OPTIONS "${base_url}greeting" "Origin: $other_origin" 'Access-Control-Request-Method: GET'
expect_status 204
expect_origin_not_echoed "$other_origin"

report_and_exit
