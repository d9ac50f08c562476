#!/usr/bin/env bash
# Checks, with curl, what chapter 07 claims about its two APIs. How they are found and the exit status: see
# scripts/verify-lib.sh; from $API_URL, the URL of CredentialsRestApi (e.g.
# https://abc123.execute-api.us-east-1.amazonaws.com/prod/), and, optionally, $HTTP_API_URL, the URL of
# CredentialsHttpApi.
#
# LISTED_ORIGIN and OTHER_ORIGIN choose the origins sent (defaults below: the second listed origin, which the
# REST preflight echoes from its template, and one on no list).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/verify-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/verify-lib.sh"

stack_name='credentials-cors-stack'
first_origin='https://app.example.com'
listed_origin="${LISTED_ORIGIN:-http://localhost:5173}"
other_origin="${OTHER_ORIGIN:-https://evil.example}"

find_api CredentialsRestApiEndpoint CredentialsRestApi87A1F702
http_url="$(other_api_url HTTP_API_URL CredentialsHttpApiEndpoint CredentialsHttpApi64AA9888)"

preflight=('Access-Control-Request-Method: GET' 'Access-Control-Request-Headers: x-api-key')

# --- CredentialsRestApi ------------------------------------------------------------------------------------

# /wildcard: * with credentials, on the answer and on CDK's preflight. Browsers refuse both.
exchange GET "${base_url}wildcard" "Origin: $listed_origin"
expect_status 200
expect_header access-control-allow-origin '*'
expect_header access-control-allow-credentials true
expect_cors_header_count 2
expect_body '{"user":"ada"}'

exchange OPTIONS "${base_url}wildcard" "Origin: $listed_origin" "${preflight[@]}"
expect_status 204
expect_header access-control-allow-origin '*'
expect_header access-control-allow-credentials true

# /reflect: any origin echoed with credentials.
exchange GET "${base_url}reflect" "Origin: $other_origin"
expect_status 200
expect_header access-control-allow-origin "$other_origin"
expect_header access-control-allow-credentials true
expect_header vary Origin

# /profile: the allow-list of @cors-workshop/cors, with an exposed header.
exchange GET "${base_url}profile" "Origin: $listed_origin"
expect_status 200
expect_header access-control-allow-origin "$listed_origin"
expect_header access-control-allow-credentials true
expect_header access-control-expose-headers X-Request-Id
expect_header vary Origin
expect_header_present x-request-id
expect_cors_header_count 3
expect_body '{"user":"ada"}'

exchange GET "${base_url}profile" "Origin: $other_origin"
expect_status 200
expect_no_cors_header
expect_header vary Origin

# CDK's multi-origin preflight: the second listed origin echoed, a stranger told the first one.
exchange OPTIONS "${base_url}profile" "Origin: $listed_origin" "${preflight[@]}"
expect_status 204
expect_header access-control-allow-origin "$listed_origin"
expect_header access-control-allow-credentials true
expect_header vary Origin

exchange OPTIONS "${base_url}profile" "Origin: $other_origin" "${preflight[@]}"
expect_status 204
expect_header access-control-allow-origin "$first_origin"

# /unexposed: the same answer, X-Request-Id sent but not exposed.
exchange GET "${base_url}unexposed" "Origin: $listed_origin"
expect_status 200
expect_header access-control-allow-origin "$listed_origin"
expect_no_header access-control-expose-headers
expect_header_present x-request-id

# /no-vary: a correct echo, without Vary.
exchange GET "${base_url}no-vary" "Origin: $listed_origin"
expect_status 200
expect_header access-control-allow-origin "$listed_origin"
expect_header access-control-allow-credentials true
expect_no_header vary

# /duplicate: multiValueHeaders and headers both name Access-Control-Allow-Origin.
exchange GET "${base_url}duplicate" "Origin: $listed_origin"
expect_status 200
expect_header access-control-allow-origin "$listed_origin, *"

# Preflight lifetimes.
exchange OPTIONS "${base_url}max-age" "Origin: $listed_origin" "${preflight[@]}"
expect_status 204
expect_header access-control-max-age 600

exchange OPTIONS "${base_url}no-max-age" "Origin: $listed_origin" "${preflight[@]}"
expect_status 204
expect_no_header access-control-max-age

exchange OPTIONS "${base_url}no-cache" "Origin: $listed_origin" "${preflight[@]}"
expect_status 204
expect_header access-control-max-age -1

# --- CredentialsHttpApi ------------------------------------------------------------------------------------

if [[ -z "$http_url" ]]; then
  printf '\n(skipping CredentialsHttpApi: set HTTP_API_URL to check it too)\n'
else
  http_url="${http_url%/}/"
  printf '\nVerifying %s\n' "$http_url"

  exchange OPTIONS "${http_url}profile" "Origin: $listed_origin" "${preflight[@]}"
  expect_status 204
  expect_header access-control-allow-origin "$listed_origin"
  expect_header access-control-allow-credentials true
  expect_header access-control-allow-methods GET
  expect_header access-control-allow-headers x-api-key
  expect_header access-control-max-age 600

  exchange GET "${http_url}profile" "Origin: $listed_origin"
  expect_status 200
  expect_header access-control-allow-origin "$listed_origin"
  expect_header access-control-allow-credentials true
  expect_header access-control-expose-headers X-Request-Id
  expect_header_present x-request-id
  expect_body '{"user":"ada"}'

  exchange GET "${http_url}profile" "Origin: $other_origin"
  expect_status 200
  expect_no_cors_header
fi

report_and_exit
