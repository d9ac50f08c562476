#!/usr/bin/env bash
# Checks, with curl, what chapter 03 claims about its two HTTP APIs.
#
# The APIs are found, in this order:
#   1. $API_URL (ProxyCorsHttpApi) and, optionally, $LISTED_API_URL (ListedOriginsHttpApi),
#      e.g. API_URL=https://abc123.execute-api.us-east-1.amazonaws.com/
#   2. outputs.json, written by `pnpm run deploy` (cdk deploy --outputs-file outputs.json)
#   3. a local gateway started here on cdk.out (run `pnpm run synth` first), stopped on exit
#
# LISTED_ORIGIN and OTHER_ORIGIN choose the origins sent to ListedOriginsHttpApi (defaults below: one of the
# stack's listed origins, and one that is not listed).
#
# Exit status: 0 when every check passes, 1 when one fails, 2 when an API cannot be found or reached.
set -euo pipefail

chapter_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stack_name='proxy-cors-httpapi-stack'
article_api='ProxyCorsHttpApiC5DA21B9'
listed_api='ListedOriginsHttpApiFFA6A97F'
listed_origin="${LISTED_ORIGIN:-http://localhost:5173}"
other_origin="${OTHER_ORIGIN:-https://not-listed.example}"
page_origin='https://page.example'

failures=0
gateway_pid=''
work_dir="$(mktemp -d)"

cleanup() {
  if [[ -n "$gateway_pid" ]]; then
    # The gateway runs in its own process group (set -m below): stop the whole group.
    kill -TERM -- "-$gateway_pid" 2>/dev/null || true
    wait "$gateway_pid" 2>/dev/null || true
  fi
  rm -rf "$work_dir"
}
trap cleanup EXIT

die() {
  printf 'verify: %s\n' "$1" >&2
  exit 2
}

# --- Finding the APIs --------------------------------------------------------------------------------------

# output_value KEY: the value of output KEY of the stack in outputs.json, empty when absent.
output_value() {
  local file="$chapter_dir/outputs.json"
  [[ -f "$file" ]] || return 0
  # outputs.json: { "<stackName>": { "HttpApiEndpoint": "https://…", "ListedOriginsHttpApiEndpoint": "https://…" } }
  tr -d '\n' <"$file" |
    grep -o "\"$stack_name\"[[:space:]]*:[[:space:]]*{[^}]*}" |
    grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" |
    head -n 1 |
    sed 's/.*"\([^"]*\)"$/\1/' || true
}

# ready_url LOGICAL_ID: the URL the local gateway's ready line gives the API with that logical ID.
ready_url() {
  grep -o "{[^{}]*\"logicalId\":\"$1\"[^{}]*}" "$work_dir/ready.json" |
    head -n 1 |
    grep -o '"url":"[^"]*"' |
    sed 's/"url":"\(.*\)"/\1/' || true
}

# Starts the gateway in the background and sets both URLs from its ready line. Not run in a subshell, so
# that gateway_pid stays visible to the exit trap.
start_local_gateway() {
  local assembly="$chapter_dir/cdk.out"
  [[ -f "$assembly/manifest.json" ]] || die "no cloud assembly in $assembly; run \`pnpm run synth\` first."
  local log="$work_dir/gateway.log"
  set -m
  (cd "$chapter_dir" && exec pnpm exec cors-gateway serve cdk.out --json --port 0) >"$work_dir/ready.json" 2>"$log" &
  gateway_pid=$!
  set +m
  local waited=0
  until grep -q '"ready":true' "$work_dir/ready.json" 2>/dev/null; do
    if ! kill -0 "$gateway_pid" 2>/dev/null; then
      cat "$log" >&2
      die 'the local gateway stopped before it was ready (its log is above).'
    fi
    ((waited += 1))
    ((waited <= 300)) || die 'the local gateway was not ready after 30 seconds.'
    sleep 0.1
  done
  base_url="$(ready_url "$article_api")"
  listed_url="$(ready_url "$listed_api")"
}

listed_url=''
if [[ -n "${API_URL:-}" ]]; then
  base_url="$API_URL"
  listed_url="${LISTED_API_URL:-}"
  source_note='from $API_URL'
elif base_url="$(output_value HttpApiEndpoint)" && [[ -n "$base_url" ]]; then
  listed_url="$(output_value ListedOriginsHttpApiEndpoint)"
  source_note='from outputs.json (delete it to test locally)'
else
  start_local_gateway
  source_note='from a local gateway on cdk.out'
fi
[[ -n "$base_url" ]] || die "could not work out the URL of $article_api."
base_url="${base_url%/}/"
printf 'Verifying %s (%s)\n' "$base_url" "$source_note"

# --- One exchange ------------------------------------------------------------------------------------------

status=''
head_text=''
body_text=''

# exchange METHOD URL [HEADER...]: sends the request, prints it the way `curl -i` shows it, keeps the answer.
exchange() {
  local method="$1" url="$2"
  shift 2
  local args=(--silent --show-error --include --max-time 15 --request "$method")
  local header
  for header in "$@"; do
    args+=(--header "$header")
  done
  local raw="$work_dir/response"
  printf '\n$ curl -i -X %s' "$method"
  for header in "$@"; do
    printf " -H '%s'" "$header"
  done
  printf ' %s\n' "$url"
  curl "${args[@]}" "$url" >"$raw" || die "curl could not reach $url"
  cat "$raw"
  printf '\n'
  tr -d '\r' <"$raw" >"$raw.lf"
  head_text="$(sed '/^$/q' "$raw.lf")"
  body_text="$(sed '1,/^$/d' "$raw.lf")"
  status="$(printf '%s\n' "$head_text" | head -n 1 | cut -d ' ' -f 2)"
}

# header NAME: the value of a response header of the last exchange (case-insensitive), empty when absent.
header() {
  printf '%s\n' "$head_text" | grep -i "^$1:" | head -n 1 | sed 's/^[^:]*:[[:space:]]*//' || true
}

pass() { printf '  ok    %s\n' "$1"; }
fail() {
  printf '  FAIL  %s\n' "$1"
  failures=$((failures + 1))
}

expect_status() {
  if [[ "$status" == "$1" ]]; then pass "status $1"; else fail "status: expected $1, got ${status:-nothing}"; fi
}

expect_header() {
  local actual
  actual="$(header "$1")"
  if [[ "$actual" == "$2" ]]; then
    pass "$1: $2"
  else
    fail "$1: expected '$2', got '${actual:-<absent>}'"
  fi
}

expect_header_present() {
  if [[ -n "$(header "$1")" ]]; then pass "$1 is present"; else fail "$1: expected the header, it is absent"; fi
}

expect_no_header() {
  local actual
  actual="$(header "$1")"
  if [[ -z "$actual" ]]; then pass "no $1"; else fail "$1: expected no such header, got '$actual'"; fi
}

expect_no_cors_header() {
  local found
  found="$(printf '%s\n' "$head_text" | grep -i '^access-control-' || true)"
  if [[ -z "$found" ]]; then pass 'no access-control-* header'; else fail "expected no access-control-* header, got: $found"; fi
}

expect_body() {
  if [[ "$body_text" == "$1" ]]; then pass "body $1"; else fail "body: expected '$1', got '$body_text'"; fi
}

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

printf '\n'
if ((failures > 0)); then
  printf 'verify: %d check(s) failed against %s\n' "$failures" "$base_url" >&2
  exit 1
fi
printf 'verify: every check passed against %s\n' "$base_url"
