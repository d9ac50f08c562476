#!/usr/bin/env bash
# Checks, with curl, what chapter 04 claims about its two APIs.
#
# The APIs are found, in this order:
#   1. $API_URL (ItemsRestApi, e.g. https://abc123.execute-api.us-east-1.amazonaws.com/prod/) and, optionally,
#      $EVENTS_API_URL (EventsHttpApi, e.g. https://def456.execute-api.us-east-1.amazonaws.com/)
#   2. outputs.json, written by `pnpm run deploy` (cdk deploy --outputs-file outputs.json)
#   3. a local gateway started here on cdk.out (run `pnpm run synth` first), stopped on exit; DynamoDB and
#      Kinesis are then its embedded backends, or wherever AWS_ENDPOINT_URL_DYNAMODB / _KINESIS point
#
# Each run writes an item with a new id (and a record into the stream), so it can run again and again against
# a deployed stack. PAGE_ORIGIN chooses the Origin sent (default below).
#
# Exit status: 0 when every check passes, 1 when one fails, 2 when an API cannot be found or reached.
set -euo pipefail

chapter_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stack_name='service-integrations-stack'
rest_output_prefix='ItemsRestApiEndpoint'
rest_api='ItemsRestApi10ACB999'
events_api='EventsHttpApiA4975F19'
page_origin="${PAGE_ORIGIN:-http://localhost:5173}"
item_id="verify-$(date +%s)-$RANDOM"

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

# output_value KEY_PREFIX: the value of the first output of the stack in outputs.json whose key starts with
# KEY_PREFIX, empty when absent.
output_value() {
  local file="$chapter_dir/outputs.json"
  [[ -f "$file" ]] || return 0
  # outputs.json: { "<stackName>": { "ItemsRestApiEndpoint…": "https://…/prod/", "EventsHttpApiEndpoint": "https://…" } }
  tr -d '\n' <"$file" |
    grep -o "\"$stack_name\"[[:space:]]*:[[:space:]]*{[^}]*}" |
    grep -o "\"$1[A-Za-z0-9]*\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" |
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
  base_url="$(ready_url "$rest_api")"
  events_url="$(ready_url "$events_api")"
}

events_url=''
if [[ -n "${API_URL:-}" ]]; then
  base_url="$API_URL"
  events_url="${EVENTS_API_URL:-}"
  source_note='from $API_URL'
elif base_url="$(output_value "$rest_output_prefix")" && [[ -n "$base_url" ]]; then
  events_url="$(output_value EventsHttpApiEndpoint)"
  source_note='from outputs.json (delete it to test locally)'
else
  start_local_gateway
  source_note='from a local gateway on cdk.out'
fi
[[ -n "$base_url" ]] || die "could not work out the URL of $rest_api."
base_url="${base_url%/}/"
printf 'Verifying %s (%s)\n' "$base_url" "$source_note"

# --- One exchange ------------------------------------------------------------------------------------------

status=''
head_text=''
body_text=''

# exchange METHOD URL BODY [HEADER...]: sends the request (BODY empty: none), prints it the way `curl -i`
# shows it, keeps the answer.
exchange() {
  local method="$1" url="$2" body="$3"
  shift 3
  local args=(--silent --show-error --include --max-time 15 --request "$method")
  local header
  for header in "$@"; do
    args+=(--header "$header")
  done
  [[ -z "$body" ]] || args+=(--data-raw "$body")
  local raw="$work_dir/response"
  printf '\n$ curl -i -X %s' "$method"
  for header in "$@"; do
    printf " -H '%s'" "$header"
  done
  [[ -z "$body" ]] || printf " --data-raw '%s'" "$body"
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

expect_body() {
  if [[ "$body_text" == "$1" ]]; then pass "body $1"; else fail "body: expected '$1', got '$body_text'"; fi
}

expect_body_contains() {
  if [[ "$body_text" == *"$1"* ]]; then pass "body has $1"; else fail "body: expected it to contain '$1', got '$body_text'"; fi
}

# --- ItemsRestApi: DynamoDB behind a REST API --------------------------------------------------------------

json='Content-Type: application/json'
origin="Origin: $page_origin"

# The preflight of a JSON POST: CDK's MOCK OPTIONS method, as in chapters 01 and 02.
exchange OPTIONS "${base_url}items" '' "$origin" 'Access-Control-Request-Method: POST' \
  'Access-Control-Request-Headers: content-type'
expect_status 204
expect_header access-control-allow-origin '*'
expect_header access-control-allow-methods 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'
expect_header access-control-allow-headers \
  'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'

# POST /items: DynamoDB PutItem. Its 200 is selected by the integration response that answers 201.
exchange POST "${base_url}items" "{\"id\":\"$item_id\",\"text\":\"written by verify.sh\"}" "$json" "$origin"
expect_status 201
expect_header access-control-allow-origin '*'
expect_body '{"saved":true}'

# GET /items: DynamoDB Scan, reshaped by the response template; the item just written is in it.
exchange GET "${base_url}items" '' "$origin"
expect_status 200
expect_header access-control-allow-origin '*'
expect_body_contains "{\"id\":\"$item_id\",\"text\":\"written by verify.sh\"}"

# A body without an id: DynamoDB answers 400, the 4\d{2} integration response maps it, CORS header included.
exchange POST "${base_url}items" '{"text":"no id"}' "$json" "$origin"
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
  exchange OPTIONS "${events_url}events" '' "$origin" 'Access-Control-Request-Method: POST' \
    'Access-Control-Request-Headers: content-type'
  expect_status 204
  expect_header access-control-allow-origin '*'
  expect_header access-control-allow-methods 'POST'
  expect_header access-control-allow-headers 'content-type'

  # POST /events: Kinesis PutRecord; the answer is Kinesis's, the CORS header the configuration's.
  exchange POST "${events_url}events" "{\"itemId\":\"$item_id\",\"type\":\"verify\"}" "$json" "$origin"
  expect_status 200
  expect_header access-control-allow-origin '*'
  expect_body_contains '"SequenceNumber"'

  # Without itemId there is no partition key: Kinesis's 400 comes back, still with the CORS header.
  exchange POST "${events_url}events" '{"type":"verify"}' "$json" "$origin"
  expect_status 400
  expect_header access-control-allow-origin '*'
fi

printf '\n'
if ((failures > 0)); then
  printf 'verify: %d check(s) failed against %s\n' "$failures" "$base_url" >&2
  exit 1
fi
printf 'verify: every check passed against %s\n' "$base_url"
