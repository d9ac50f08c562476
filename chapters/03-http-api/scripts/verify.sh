#!/usr/bin/env bash
# Checks, with curl, what chapter 03 claims about its two HTTP APIs. How they are found and the exit status:
# see scripts/verify-lib.sh; from $API_URL, the URL of ProxyCorsHttpApi (e.g.
# https://abc123.execute-api.us-east-1.amazonaws.com/), and, optionally, $LISTED_API_URL, the URL of
# ListedOriginsHttpApi.
#
# LISTED_ORIGIN and OTHER_ORIGIN choose the origins sent to ListedOriginsHttpApi (defaults below: one of the
# stack's listed origins, and one that is not listed).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/verify-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/verify-lib.sh"

stack_name='proxy-cors-httpapi-stack'
listed_origin="${LISTED_ORIGIN:-http://localhost:5173}"
other_origin="${OTHER_ORIGIN:-https://not-listed.example}"
page_origin='https://page.example'

find_api HttpApiEndpoint ProxyCorsHttpApiC5DA21B9
listed_url="$(other_api_url LISTED_API_URL ListedOriginsHttpApiEndpoint ListedOriginsHttpApiFFA6A97F)"

# --- ProxyCorsHttpApi: the article's API -------------------------------------------------------------------

# OPTIONS without an Origin, as curl sends it: API Gateway answers 204 with no CORS header at all.
exchange OPTIONS "$base_url"
expect_status 204
expect_no_cors_header
expect_no_header content-type
expect_header_present apigw-requestid

# GET without an Origin: the function's body, labelled text/plain by API Gateway, and no Allow-Origin.
exchange GET "$base_url"
expect_status 200
expect_header content-type 'text/plain; charset=utf-8'
expect_header content-length 14
expect_no_header access-control-allow-origin
expect_header_present apigw-requestid
expect_body '{"state":"ok"}'

# The same GET with an Origin, as a browser sends it: now API Gateway adds the header.
exchange GET "$base_url" "Origin: $page_origin"
expect_status 200
expect_header access-control-allow-origin '*'
expect_body '{"state":"ok"}'

# A browser's preflight: answered from the CORS configuration, though the API has no OPTIONS route.
exchange OPTIONS "$base_url" "Origin: $page_origin" 'Access-Control-Request-Method: PUT'
expect_status 204
expect_header access-control-allow-origin '*'
expect_header access-control-allow-methods '*'

# OwnCorsFn sets its own Access-Control-Allow-Origin; API Gateway replaces it with the configuration's.
exchange GET "${base_url}own-cors" "Origin: $page_origin"
expect_status 200
expect_header access-control-allow-origin '*'
exchange GET "${base_url}own-cors"
expect_status 200
expect_no_cors_header

# --- ListedOriginsHttpApi: listed origins, credentials, an exposed header, a max age -----------------------

if [[ -z "$listed_url" ]]; then
  printf '\n(skipping ListedOriginsHttpApi: set LISTED_API_URL to check it too)\n'
else
  listed_url="${listed_url%/}/"
  printf '\nVerifying %s\n' "$listed_url"

  exchange OPTIONS "${listed_url}profile" "Origin: $listed_origin" 'Access-Control-Request-Method: POST' \
    'Access-Control-Request-Headers: content-type'
  expect_status 204
  expect_header access-control-allow-origin "$listed_origin"
  expect_header access-control-allow-credentials true
  expect_header access-control-allow-methods 'GET,POST'
  expect_header access-control-allow-headers 'content-type,authorization'
  expect_header access-control-max-age 600

  exchange OPTIONS "${listed_url}profile" "Origin: $other_origin" 'Access-Control-Request-Method: POST'
  expect_status 204
  expect_no_cors_header

  exchange GET "${listed_url}profile" "Origin: $listed_origin"
  expect_status 200
  expect_header access-control-allow-origin "$listed_origin"
  expect_header access-control-allow-credentials true
  expect_header access-control-expose-headers x-request-id
  expect_header_present x-request-id

  exchange GET "${listed_url}profile" "Origin: $other_origin"
  expect_status 200
  expect_no_cors_header
fi

report_and_exit
