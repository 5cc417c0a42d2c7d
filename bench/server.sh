#!/usr/bin/env bash
# Server overhead: loads each Herald endpoint and its raw framework twin (bench/Server) with wrk over loopback, in
# alternation (Herald, raw, Herald, raw, ... for several rounds), and prints a Markdown table of requests/s per pair
# with the ratio Herald/raw and its spread (the lowest and highest of the per-round ratios), and the bytes the server
# process allocated per request on each side (Kestrel's own share included, the same on both).
#
#   bash bench/server.sh                          # defaults below: about 5 minutes on 2 cores
#   DURATION=10 ROUNDS=5 bash bench/server.sh     # longer, steadier runs
#
# Settings (environment): PORT=5080 THREADS=2 CONNECTIONS=32 DURATION=5 (seconds per run) ROUNDS=3 WARMUP=2
# (seconds per endpoint) PIN=1 (server on CPU 0, wrk on CPU 1, when there are at least 2 CPUs and taskset).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-5080}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-2}
PIN=${PIN:-1}
BASE="http://127.0.0.1:$PORT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Each pair: name | Herald path | raw path | extra request header for both (optional) | goal as the lowest ratio, or -.
PAIRS=(
  "text|/text/herald|/text/raw||0.97"
  "bytes (1 KiB)|/bytes/herald|/bytes/raw||0.97"
  "JSON, no Accept|/json/herald|/json/raw||0.95"
  "JSON, Accept: application/json|/json/herald|/json/raw|Accept: application/json|0.95"
  "file 64 KiB|/file-64k/herald|/file-64k/raw||0.97"
  "file 10 MiB|/file-10m/herald|/file-10m/raw||0.97"
  "HTML builder vs constant string|/html-builder/herald|/html-builder/raw||-"
  "HTML string|/html-string/herald|/html-string/raw||0.97"
  "template page vs hand-written HTML|/template/herald|/template/raw||-"
)

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing wrk (Debian package)" >&2
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
  else
    echo "wrk is not installed: run 'sudo apt-get install -y wrk' (Debian/Ubuntu) or put wrk on PATH, then run this again." >&2
    exit 1
  fi
fi
command -v curl >/dev/null 2>&1 || { echo "curl is needed to check the endpoints: install it (apt-get install -y curl)." >&2; exit 1; }

# wrk and the server share this machine's CPUs; on a small machine pinning them apart keeps them from trading places.
server_cpu=() wrk_cpu=() pin_note="not pinned: server and wrk share $(nproc) CPUs"
if [ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null 2>&1; then
  server_cpu=(taskset -c 0) wrk_cpu=(taskset -c 1)
  pin_note="server pinned to CPU 0, wrk to CPU 1 (taskset); anything else running shares them"
fi

echo "building bench/Server (Release)" >&2
dotnet build bench/Server -c Release -v q --nologo >&2

server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

"${server_cpu[@]}" dotnet bench/Server/bin/Release/net10.0/Herald.Bench.Server.dll --port "$PORT" >&2 &
server_pid=$!

# Wait until it answers: at most 30 s.
for _ in $(seq 1 60); do
  if curl -fsS -o /dev/null "$BASE/ready" 2>/dev/null; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited before answering (is port $PORT free?)" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$BASE/ready" || { echo "the server did not answer $BASE/ready within 30 s" >&2; exit 1; }

header_args() { if [ -n "$1" ]; then printf '%s\0%s\0' -H "$1"; fi; }

# Both sides of a pair must send the same body, or the comparison means nothing.
for pair in "${PAIRS[@]}"; do
  IFS='|' read -r name herald raw header _ <<<"$pair"
  mapfile -d '' hargs < <(header_args "$header")
  a=$(curl -fsS "${hargs[@]}" "$BASE$herald" | sha256sum)
  b=$(curl -fsS "${hargs[@]}" "$BASE$raw" | sha256sum)
  [ "$a" = "$b" ] || { echo "$name: $herald and $raw send different bodies" >&2; exit 1; }
done

allocated() { curl -fsS "$BASE/allocated"; }

# One wrk run; prints requests/s and the server's bytes allocated per request (its whole process, Kestrel included).
# Fails on socket errors or non-2xx answers, which would make the numbers meaningless.
run_wrk() { # seconds path header
  local out before after
  mapfile -d '' hargs < <(header_args "$3")
  before=$(allocated)
  out=$(timeout $(($1 + 30)) "${wrk_cpu[@]}" wrk -t "$THREADS" -c "$CONNECTIONS" -d "${1}s" "${hargs[@]}" "$BASE$2")
  after=$(allocated)
  if grep -qE 'Socket errors|Non-2xx' <<<"$out"; then
    echo "wrk reported errors for $2:" >&2; echo "$out" >&2; exit 1
  fi
  awk -v before="$before" -v after="$after" '
    /^Requests\/sec:/ { rps = $2 }
    / requests in / { requests = $1 }
    END { printf "%s %.0f\n", rps, (after - before) / requests }' <<<"$out"
}

echo "warming up: ${WARMUP}s per endpoint" >&2
for pair in "${PAIRS[@]}"; do
  IFS='|' read -r name herald raw header _ <<<"$pair"
  run_wrk "$WARMUP" "$herald" "$header" >/dev/null
  run_wrk "$WARMUP" "$raw" "$header" >/dev/null
done

# The load before the run tells a reader how quiet the machine was: on a busy one the spread is the number to read.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A results allocations
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS" >&2
  for i in "${!PAIRS[@]}"; do
    IFS='|' read -r name herald raw header _ <<<"${PAIRS[$i]}"
    read -r h ha < <(run_wrk "$DURATION" "$herald" "$header")
    read -r r ra < <(run_wrk "$DURATION" "$raw" "$header")
    results[$i]="${results[$i]:-} $h $r"
    allocations[$i]="${allocations[$i]:-} $ha $ra"
    printf '  %-34s Herald %10s req/s %6s B/req   raw %10s req/s %6s B/req\n' "$name" "$h" "$ha" "$r" "$ra" >&2
  done
done

echo
echo "Machine: $(nproc) CPUs, $(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }'), $(free -g | awk '/^Mem:/ { print $2 " GiB RAM" }'); $pin_note."
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); .NET $(dotnet --version); wrk -t $THREADS -c $CONNECTIONS, ${DURATION} s per run, $ROUNDS rounds in alternation after ${WARMUP} s warm-up per endpoint."
echo "Load average (1, 5, 15 min): $load_before before the rounds, $(cut -d' ' -f1-3 /proc/loadavg) after."
echo
echo "| pair | Herald req/s | raw req/s | Herald/raw | spread (per-round min–max) | goal | Herald B/req | raw B/req |"
echo "| --- | ---: | ---: | ---: | --- | --- | ---: | ---: |"
for i in "${!PAIRS[@]}"; do
  IFS='|' read -r name herald raw header goal <<<"${PAIRS[$i]}"
  awk -v name="$name" -v goal="$goal" -v values="${results[$i]}" -v allocs="${allocations[$i]}" 'BEGIN {
    n = split(values, v, " "); rounds = n / 2; sh = 0; sr = 0; lo = 1e9; hi = 0
    for (k = 1; k <= n; k += 2) {
      sh += v[k]; sr += v[k + 1]; q = v[k] / v[k + 1]
      if (q < lo) lo = q; if (q > hi) hi = q
    }
    ratio = sh / sr
    slower = (1 - ratio) * 100; allowed = (1 - goal) * 100
    # A goal counts as met or missed only when every round agrees; otherwise the noise is larger than the margin.
    if (goal == "-") verdict = "none (shown for scale)"
    else if (lo >= goal) verdict = sprintf("within %.0f%%: met in every round", allowed)
    else if (hi < goal) verdict = sprintf("within %.0f%%: missed, %.1f%% slower", allowed, slower)
    else if (ratio >= goal) verdict = sprintf("within %.0f%%: met on average; rounds straddle it", allowed)
    else verdict = sprintf("within %.0f%%: %.1f%% slower on average; rounds straddle it", allowed, slower)
    split(allocs, a, " "); ah = 0; ar = 0
    for (k = 1; k <= n; k += 2) { ah += a[k]; ar += a[k + 1] }
    printf "| %s | %.0f | %.0f | %.3f | %.3f–%.3f | %s | %.0f | %.0f |\n", name, sh / rounds, sr / rounds, ratio, lo, hi, verdict, ah / rounds, ar / rounds
  }'
done
