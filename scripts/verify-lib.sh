# shellcheck shell=bash
# The shared part of every chapter's scripts/verify.sh: finding the API, sending requests with curl, holding
# the answers against what the lesson claims, and the summary. A chapter's script sources it, sets its own
# settings, and keeps only its checks:
#
#   #!/usr/bin/env bash
#   set -euo pipefail
#   source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/verify-lib.sh"
#   stack_name='proxy-cors-restapi-stack'
#
#   find_api ProxyCorsRestApiEndpoint
#   exchange OPTIONS "$base_url" 'Origin: https://app.example.com'
#   expect_status 204
#   expect_header access-control-allow-origin '*'
#   report_and_exit
#
# Sourcing it turns on `set -euo pipefail`, makes a scratch folder and sets an EXIT trap that stops the local
# gateway (if one was started) and removes that folder. It sets:
#   chapter_dir   the chapter's folder: the parent of the folder of the script that sources this file
#   failures      how many checks have failed so far
#   work_dir      the scratch folder
#
# The chapter sets:
#   stack_name    the stack whose outputs outputs.json holds, before calling find_api
#
# Finding the API
#   find_api OUTPUT_PREFIX [LOGICAL_ID]
#       Sets base_url (ending with /) to the chapter's main API and prints "Verifying <url> (<where from>)".
#       Looks, in this order, at:
#         1. $API_URL, e.g. API_URL=https://abc123.execute-api.us-east-1.amazonaws.com/prod/
#         2. outputs.json, written by `pnpm run deploy` (cdk deploy --outputs-file outputs.json): the first
#            output of stack_name whose key starts with OUTPUT_PREFIX
#         3. a local gateway started here on cdk.out (synthesized first when missing), stopped on exit: the URL
#            of the API with LOGICAL_ID, or of the first API without one
#       Exits with 2 when none of them gives a URL.
#   other_api_url ENV_NAME OUTPUT_PREFIX LOGICAL_ID
#       Prints the URL of another API of the stack, from the same place find_api found the main one: the
#       variable ENV_NAME (e.g. LISTED_API_URL), the output whose key starts with OUTPUT_PREFIX, or the local
#       gateway's API with LOGICAL_ID. Prints nothing when that place does not have it.
#   output_value KEY_PREFIX       the first output of stack_name in outputs.json whose key starts with
#                                 KEY_PREFIX; nothing when absent
#   start_local_gateway           starts `cors-gateway serve cdk.out`, waits for its ready line, and passes on
#                                 its warnings (a cdk.out older than the chapter's sources)
#   ready_url [LOGICAL_ID]        the URL the ready line gives the API with LOGICAL_ID (the first API without)
#
# Sending a request
#   exchange METHOD URL [--data-raw BODY] [HEADER...]
#       Prints the request the way `curl -i` is typed and the answer the way it prints it, and keeps the
#       answer for the checks below (status, head_text, body_text). Exits with 2 when curl cannot reach URL.
#   header NAME                   the value of a response header of the last answer (any case), empty when
#                                 absent
#
# Checks on the last answer; each prints "  ok    …" or "  FAIL  …" (and counts the failure)
#   expect_status CODE                  the status code is CODE
#   expect_header NAME VALUE            header NAME is exactly VALUE
#   expect_header_present NAME          header NAME is there, whatever its value
#   expect_no_header NAME               header NAME is not there
#   expect_no_cors_header               no header is named access-control-*
#   expect_cors_header_count N          exactly N headers are named access-control-*
#   expect_origin_not_echoed ORIGIN     access-control-allow-origin is not ORIGIN, an origin outside the list
#   expect_body TEXT                    the body is exactly TEXT
#   expect_body_contains TEXT           the body contains TEXT
#   pass TEXT / fail TEXT               a check of the chapter's own
#
# Ending
#   report_and_exit     prints the summary and exits
#   die MESSAGE         prints "verify: MESSAGE" on stderr and exits with 2
#
# Exit status: 0 when every check passes, 1 when one fails, 2 when an API cannot be found or reached.
#
# See: https://curl.se/docs/manpage.html and
# https://docs.aws.amazon.com/cdk/v2/guide/ref-cli-cmd-deploy.html (--outputs-file)

set -euo pipefail

chapter_dir="$(cd "$(dirname "${BASH_SOURCE[1]}")/.." && pwd)"
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

base_url=''
# Where find_api found the main API: env, outputs or gateway.
api_source=''

output_value() {
  local file="$chapter_dir/outputs.json"
  [[ -f "$file" ]] || return 0
  # outputs.json: { "<stackName>": { "ProxyCorsRestApiEndpoint…": "https://…/prod/", "HttpApiEndpoint": … } }
  tr -d '\n' <"$file" |
    grep -o "\"$stack_name\"[[:space:]]*:[[:space:]]*{[^}]*}" |
    grep -o "\"$1[A-Za-z0-9]*\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" |
    head -n 1 |
    sed 's/.*"\([^"]*\)"$/\1/' || true
}

# Not run in a subshell, so that gateway_pid stays visible to the exit trap.
start_local_gateway() {
  local assembly="$chapter_dir/cdk.out"
  if [[ ! -f "$assembly/manifest.json" ]]; then
    printf 'No cloud assembly in %s yet: running `pnpm run synth` first.\n' "$assembly" >&2
    (cd "$chapter_dir" && pnpm run --silent synth >&2) || die "pnpm run synth failed in $chapter_dir."
  fi
  local log="$work_dir/gateway.log"
  set -m
  (cd "$chapter_dir" && exec pnpm exec cors-gateway serve cdk.out --json --port 0) \
    >"$work_dir/ready.json" 2>"$log" &
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
  # A cdk.out older than the chapter's sources is served as it is: say so before the checks run.
  grep '^cors-gateway: warning: ' "$log" >&2 || true
}

ready_url() {
  if [[ -z "${1:-}" ]]; then
    grep -o '"url":"[^"]*"' "$work_dir/ready.json" | head -n 1 | sed 's/"url":"\(.*\)"/\1/' || true
    return 0
  fi
  grep -o "{[^{}]*\"logicalId\":\"$1\"[^{}]*}" "$work_dir/ready.json" |
    head -n 1 |
    grep -o '"url":"[^"]*"' |
    sed 's/"url":"\(.*\)"/\1/' || true
}

find_api() {
  local output_prefix="$1" logical_id="${2:-}" source_note
  [[ -n "${stack_name:-}" ]] || die 'set stack_name before calling find_api.'
  if [[ -n "${API_URL:-}" ]]; then
    base_url="$API_URL"
    api_source='env'
    # shellcheck disable=SC2016 # the name of the variable, as the user typed it
    source_note='from $API_URL'
  elif base_url="$(output_value "$output_prefix")" && [[ -n "$base_url" ]]; then
    api_source='outputs'
    source_note='from outputs.json (delete it to test locally)'
  else
    start_local_gateway
    base_url="$(ready_url "$logical_id")"
    api_source='gateway'
    source_note='from a local gateway on cdk.out'
  fi
  [[ -n "$base_url" ]] || die "could not work out the URL of ${logical_id:-the API}."
  base_url="${base_url%/}/"
  printf 'Verifying %s (%s)\n' "$base_url" "$source_note"
}

other_api_url() {
  case "$api_source" in
    env) printf '%s' "${!1:-}" ;;
    outputs) output_value "$2" ;;
    gateway) ready_url "$3" ;;
    *) die 'other_api_url: call find_api first.' ;;
  esac
}

# --- One exchange ------------------------------------------------------------------------------------------

status=''
head_text=''
body_text=''

exchange() {
  local method="$1" url="$2" body=''
  shift 2
  if [[ "${1:-}" == '--data-raw' ]]; then
    body="$2"
    shift 2
  fi
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

header() {
  printf '%s\n' "$head_text" | grep -i "^$1:" | head -n 1 | sed 's/^[^:]*:[[:space:]]*//' || true
}

# --- Checks ------------------------------------------------------------------------------------------------

pass() { printf '  ok    %s\n' "$1"; }
fail() {
  printf '  FAIL  %s\n' "$1"
  failures=$((failures + 1))
}

expect_status() {
  if [[ "$status" == "$1" ]]; then
    pass "status $1"
  else
    fail "status: expected $1, got ${status:-nothing}"
  fi
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
  if [[ -n "$(header "$1")" ]]; then
    pass "$1 is present"
  else
    fail "$1: expected the header, it is absent"
  fi
}

expect_no_header() {
  local actual
  actual="$(header "$1")"
  if [[ -z "$actual" ]]; then pass "no $1"; else fail "$1: expected no such header, got '$actual'"; fi
}

expect_no_cors_header() {
  local found
  found="$(printf '%s\n' "$head_text" | grep -i '^access-control-' || true)"
  if [[ -z "$found" ]]; then
    pass 'no access-control-* header'
  else
    fail "expected no access-control-* header, got: $found"
  fi
}

expect_cors_header_count() {
  local count
  count="$(printf '%s\n' "$head_text" | grep -ci '^access-control-' || true)"
  if [[ "$count" == "$1" ]]; then
    pass "exactly $1 access-control-* header(s)"
  else
    fail "access-control-* headers: expected $1, got $count"
  fi
}

expect_origin_not_echoed() {
  if [[ "$(header access-control-allow-origin)" == "$1" ]]; then
    fail "access-control-allow-origin: the preflight echoed '$1', an origin outside the list"
  else
    pass "access-control-allow-origin is not '$1'"
  fi
}

expect_body() {
  if [[ "$body_text" == "$1" ]]; then pass "body $1"; else fail "body: expected '$1', got '$body_text'"; fi
}

expect_body_contains() {
  if [[ "$body_text" == *"$1"* ]]; then
    pass "body has $1"
  else
    fail "body: expected it to contain '$1', got '$body_text'"
  fi
}

# --- The summary -------------------------------------------------------------------------------------------

report_and_exit() {
  printf '\n'
  if ((failures > 0)); then
    printf 'verify: %d check(s) failed against %s\n' "$failures" "$base_url" >&2
    exit 1
  fi
  printf 'verify: every check passed against %s\n' "$base_url"
  exit 0
}
