#!/usr/bin/env bash
# Checks, with curl, what chapter 02 claims about its API.
#
# The API is found, in this order:
#   1. $API_URL, e.g. API_URL=https://abc123.execute-api.us-east-1.amazonaws.com/prod/
#   2. outputs.json, written by `pnpm run deploy` (cdk deploy --outputs-file outputs.json)
#   3. a local gateway started here on cdk.out (run `pnpm run synth` first), stopped on exit
#
# ALLOWED_ORIGIN and OTHER_ORIGIN choose the origins sent (defaults below: the stack's second allowed origin
# for /greeting, and one that is not allowed).
#
# Exit status: 0 when every check passes, 1 when one fails, 2 when the API cannot be found or reached.
set -euo pipefail

chapter_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stack_name='custom-cors-restapi-stack'
output_prefix='CustomCorsRestApiEndpoint'
allowed_origin="${ALLOWED_ORIGIN:-http://localhost:5173}"
other_origin="${OTHER_ORIGIN:-https://not-allowed.example}"

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

# --- Finding the API ---------------------------------------------------------------------------------------

url_from_outputs() {
  local file="$chapter_dir/outputs.json"
  [[ -f "$file" ]] || return 1
  # outputs.json: { "<stackName>": { "CustomCorsRestApiEndpoint…": "https://…/prod/" } }
  tr -d '\n' <"$file" |
    grep -o "\"$stack_name\"[[:space:]]*:[[:space:]]*{[^}]*}" |
    grep -o "\"$output_prefix[A-Za-z0-9]*\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" |
    head -n 1 |
    sed 's/.*"\([^"]*\)"$/\1/'
}

# Starts the gateway in the background and sets base_url from its ready line. Not run in a subshell, so that
# gateway_pid stays visible to the exit trap.
start_local_gateway() {
  local assembly="$chapter_dir/cdk.out"
  [[ -f "$assembly/manifest.json" ]] || die "no cloud assembly in $assembly; run \`pnpm run synth\` first."
  local ready="$work_dir/ready.json" log="$work_dir/gateway.log"
  set -m
  (cd "$chapter_dir" && exec pnpm exec cors-gateway serve cdk.out --json --port 0) >"$ready" 2>"$log" &
  gateway_pid=$!
  set +m
  local waited=0
  until grep -q '"ready":true' "$ready" 2>/dev/null; do
    if ! kill -0 "$gateway_pid" 2>/dev/null; then
      cat "$log" >&2
      die 'the local gateway stopped before it was ready (its log is above).'
    fi
    ((waited += 1))
    ((waited <= 300)) || die 'the local gateway was not ready after 30 seconds.'
    sleep 0.1
  done
  base_url="$(grep -o '"url":"[^"]*"' "$ready" | head -n 1 | sed 's/"url":"\(.*\)"/\1/')"
}

if [[ -n "${API_URL:-}" ]]; then
  base_url="$API_URL"
  source_note='from $API_URL'
elif base_url="$(url_from_outputs)" && [[ -n "$base_url" ]]; then
  source_note='from outputs.json (delete it to test locally)'
else
  start_local_gateway
  source_note='from a local gateway on cdk.out'
fi
[[ -n "$base_url" ]] || die 'could not work out the URL of the API.'
base_url="${base_url%/}/"
printf 'Verifying %s (%s)\n' "$base_url" "$source_note"

# --- One exchange ------------------------------------------------------------------------------------------

status=''
head_text=''
body_text=''

# exchange METHOD PATH [HEADER...]: sends the request, prints it the way `curl -i` shows it, keeps the answer.
exchange() {
  local method="$1" path="$2"
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
  printf ' %s\n' "$base_url$path"
  curl "${args[@]}" "$base_url$path" >"$raw" || die "curl could not reach $base_url$path"
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

# expect_cors_header_count N: the last response carries exactly N headers named access-control-*.
expect_cors_header_count() {
  local count
  count="$(printf '%s\n' "$head_text" | grep -ci '^access-control-' || true)"
  if [[ "$count" == "$1" ]]; then
    pass "exactly $1 access-control-* header(s)"
  else
    fail "access-control-* headers: expected $1, got $count"
  fi
}

expect_body() {
  if [[ "$body_text" == "$1" ]]; then pass "body $1"; else fail "body: expected '$1', got '$body_text'"; fi
}

# --- The checks --------------------------------------------------------------------------------------------

allow_headers='Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'
allow_methods='OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'

# The preflight of /: API Gateway answers it from the MOCK integration, no function runs.
exchange OPTIONS ''
expect_status 204
expect_header access-control-allow-origin '*'
expect_header access-control-allow-headers "$allow_headers"
expect_header access-control-allow-methods "$allow_methods"
expect_cors_header_count 3
expect_header_present x-amzn-requestid
expect_header_present x-amz-apigw-id

# The actual GET /: the request template feeds CustomFn, the response template shapes its answer, and the
# integration response maps Access-Control-Allow-Origin (declared on the method response).
exchange GET ''
expect_status 200
expect_header content-type 'application/json'
expect_header content-length 55
expect_header access-control-allow-origin '*'
expect_cors_header_count 1
expect_body '{"message":{"output":"this is the input"},"state":"ok"}'

# GET /fails: the function's error is mapped to a 400, and that integration response maps the header too.
exchange GET fails "Origin: $other_origin"
expect_status 400
expect_header access-control-allow-origin '*'
expect_body '{"message":"[BadRequest] no such thing"}'

# API Gateway's own errors: the DEFAULT_4XX gateway response adds the header to them.
exchange GET missing "Origin: $other_origin"
expect_status 403
expect_header access-control-allow-origin '*'
expect_body '{"message":"Missing Authentication Token"}'

# PassthroughBehavior NEVER: a body type without a request template is refused with 415, readable as well.
exchange GET '' 'Content-Type: text/plain' "Origin: $other_origin"
expect_status 415
expect_header access-control-allow-origin '*'

# GET /greeting: its response template echoes an allowed origin, and the answer varies by origin.
exchange GET greeting "Origin: $allowed_origin"
expect_status 200
expect_header access-control-allow-origin "$allowed_origin"
expect_header vary Origin
expect_body '{"greeting":"hello"}'

exchange GET greeting "Origin: $other_origin"
expect_status 200
expect_no_header access-control-allow-origin
expect_header vary Origin

# The preflight of /greeting (CDK's template) echoes an allowed origin, but never one outside the list.
exchange OPTIONS greeting "Origin: $allowed_origin" 'Access-Control-Request-Method: GET'
expect_status 204
expect_header access-control-allow-origin "$allowed_origin"
expect_header vary Origin

exchange OPTIONS greeting "Origin: $other_origin" 'Access-Control-Request-Method: GET'
expect_status 204
if [[ "$(header access-control-allow-origin)" == "$other_origin" ]]; then
  fail "access-control-allow-origin: the preflight echoed '$other_origin', an origin outside the list"
else
  pass "access-control-allow-origin is not '$other_origin'"
fi

printf '\n'
if ((failures > 0)); then
  printf 'verify: %d check(s) failed against %s\n' "$failures" "$base_url" >&2
  exit 1
fi
printf 'verify: every check passed against %s\n' "$base_url"
