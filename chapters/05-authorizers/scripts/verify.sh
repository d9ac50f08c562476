#!/usr/bin/env bash
# Checks, with curl, what chapter 05 claims about its APIs behind authorizers. How they are found and the exit
# status: see scripts/verify-lib.sh; from $API_URL, the URL of OrdersRestApi (e.g.
# https://abc123.execute-api.us-east-1.amazonaws.com/prod/), and, optionally, $PROFILE_API_URL, the URL of
# ProfileHttpApi, and $CATALOG_API_URL, the URL of CatalogRestApi.
#
# The Cognito checks need an ID token of the stack's user pool Users: against the local gateway this script
# mints one with `cors-gateway token`; against a deployed stack it reads $ID_TOKEN (an ID token of a user of
# the pool, e.g. from `aws cognito-idp admin-initiate-auth`) and skips them when it is not set.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/verify-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/verify-lib.sh"

stack_name='authorizers-stack'
page_origin='http://localhost:3000'

find_api OrdersRestApiEndpoint OrdersRestApiE759704F
profile_url="$(other_api_url PROFILE_API_URL ProfileHttpApiEndpoint ProfileHttpApi229300B3)"
catalog_url="$(other_api_url CATALOG_API_URL CatalogRestApiEndpoint CatalogRestApi3A5CAAF3)"
# The value the stack gives CatalogKey (CATALOG_API_KEY in lib/authorizers-stack.ts); $API_KEY overrides it.
api_key="${API_KEY:-local-lesson-key-not-a-secret}"

# --- OrdersRestApi, GET /orders: a Lambda TOKEN authorizer --------------------------------------------------

# The preflight carries no token, and needs none: CDK generated the OPTIONS method without an authorizer.
exchange OPTIONS "${base_url}orders" "Origin: $page_origin" 'Access-Control-Request-Method: GET' \
  'Access-Control-Request-Headers: authorization'
expect_status 204
expect_header access-control-allow-origin '*'
expect_header access-control-allow-headers \
  'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'

# No token: API Gateway answers 401 before the authorizer runs; DEFAULT_4XX adds the CORS header.
exchange GET "${base_url}orders" "Origin: $page_origin"
expect_status 401
expect_header x-amzn-errortype UnauthorizedException
expect_header access-control-allow-origin '*'
expect_body '{"message":"Unauthorized"}'

# A token the authorizer does not know: it throws Unauthorized, which is the same 401.
exchange GET "${base_url}orders" "Origin: $page_origin" 'Authorization: Bearer guess'
expect_status 401
expect_header access-control-allow-origin '*'

# A known user's token: the authorizer allows the stage, OrdersFn answers.
exchange GET "${base_url}orders" "Origin: $page_origin" 'Authorization: Bearer reader'
expect_status 200
expect_header access-control-allow-origin '*'
expect_body '{"user":"ada","orders":["tea","scones"]}'

# A suspended user's token: an explicit Deny, answered 403 with a capitalised "Message".
exchange GET "${base_url}orders" "Origin: $page_origin" 'Authorization: Bearer suspended'
expect_status 403
expect_header x-amzn-errortype AccessDeniedException
expect_header access-control-allow-origin '*'
expect_body '{"Message":"User is not authorized to access this resource with an explicit deny"}'

# --- OrdersRestApi, GET /profile: a Cognito user pool authorizer ---------------------------------------------

exchange GET "${base_url}profile" "Origin: $page_origin"
expect_status 401
expect_header access-control-allow-origin '*'

id_token="${ID_TOKEN:-}"
if [[ -z "$id_token" && "$api_source" == 'gateway' ]]; then
  id_token="$(cd "$chapter_dir" && pnpm exec cors-gateway token cdk.out --user-pool Users0A0EEA89 2>/dev/null | tail -n 1)"
fi
if [[ -z "$id_token" ]]; then
  printf '\n(skipping the Cognito token checks: set ID_TOKEN to an ID token of the Users pool)\n'
else
  exchange GET "${base_url}profile" "Origin: $page_origin" "Authorization: $id_token"
  expect_status 200
  expect_header access-control-allow-origin '*'
  expect_body_contains '"user":'
fi

# --- ProfileHttpApi: a JWT authorizer on $default ----------------------------------------------------------

if [[ -z "$profile_url" ]]; then
  printf '\n(skipping ProfileHttpApi: set PROFILE_API_URL to check it too)\n'
else
  profile_url="${profile_url%/}/"
  printf '\nVerifying %s\n' "$profile_url"

  # OPTIONS /{proxy+} has no authorizer and outranks $default: API Gateway answers the preflight itself.
  exchange OPTIONS "${profile_url}profile" "Origin: $page_origin" 'Access-Control-Request-Method: GET' \
    'Access-Control-Request-Headers: authorization'
  expect_status 204
  expect_header access-control-allow-origin '*'
  expect_header access-control-allow-headers authorization

  # No token: the JWT authorizer refuses; the HTTP API adds its CORS header to the refusal by itself.
  exchange GET "${profile_url}profile" "Origin: $page_origin"
  expect_status 401
  expect_header www-authenticate Bearer
  expect_header access-control-allow-origin '*'
  expect_body '{"message":"Unauthorized"}'

  # The root path is no {proxy+}: its preflight reaches $default and its authorizer.
  exchange OPTIONS "$profile_url" "Origin: $page_origin" 'Access-Control-Request-Method: GET'
  expect_status 401

  if [[ -n "$id_token" ]]; then
    exchange GET "${profile_url}profile" "Origin: $page_origin" "Authorization: Bearer $id_token"
    expect_status 200
    expect_header access-control-allow-origin '*'
    expect_body_contains '"user":'
  fi
fi

# --- CatalogRestApi: API keys ------------------------------------------------------------------------------

if [[ -z "$catalog_url" ]]; then
  printf '\n(skipping CatalogRestApi: set CATALOG_API_URL to check it too)\n'
else
  catalog_url="${catalog_url%/}/"
  printf '\nVerifying %s\n' "$catalog_url"

  # The preflight needs no key, and CDK's default headers allow X-Api-Key.
  exchange OPTIONS "${catalog_url}catalog" "Origin: $page_origin" 'Access-Control-Request-Method: GET' \
    'Access-Control-Request-Headers: x-api-key'
  expect_status 204
  expect_header access-control-allow-origin '*'
  expect_header access-control-allow-headers \
    'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'

  # No key: INVALID_API_KEY, a 403 that DEFAULT_4XX makes readable.
  exchange GET "${catalog_url}catalog" "Origin: $page_origin"
  expect_status 403
  expect_header x-amzn-errortype ForbiddenException
  expect_header access-control-allow-origin '*'
  expect_body '{"message":"Forbidden"}'

  # A key nobody issued: the same 403.
  exchange GET "${catalog_url}catalog" "Origin: $page_origin" 'X-Api-Key: a-key-nobody-issued-to-anyone'
  expect_status 403
  expect_header access-control-allow-origin '*'

  # CatalogKey, granted on prod by CatalogPlan: CatalogFn answers.
  exchange GET "${catalog_url}catalog" "Origin: $page_origin" "X-Api-Key: $api_key"
  expect_status 200
  expect_header access-control-allow-origin '*'
  expect_body '{"items":["tea","scones","jam"]}'

  # /specials' hand-written allowHeaders list forgets X-Api-Key: a browser stops at this answer.
  exchange OPTIONS "${catalog_url}specials" "Origin: $page_origin" 'Access-Control-Request-Method: GET' \
    'Access-Control-Request-Headers: x-api-key'
  expect_status 204
  expect_header access-control-allow-headers 'Content-Type,Authorization'
fi

report_and_exit
