#!/usr/bin/env bash
# The web application under load: `regflow serve` on a generated database, signed in, and wrk
# with 16 connections on the board page, a dossier page and the stylesheet (the static-file
# baseline, served by the same server). Prints p50/p95/p99 and requests/s of each, the ratio of
# each page's throughput to the baseline's, and the server's resident memory over the run.
#
#   bench/web.sh REGFLOW DB [SECONDS] [CONNECTIONS]
#
# DB is a database `regflow-bench generate` made (bench/run.sh keeps them as reads-N.db); it
# gets a bench user with a password (the database is changed: use a copy). Not part of ctest.
set -euo pipefail
regflow=${1:?usage: bench/web.sh REGFLOW DB [SECONDS] [CONNECTIONS]}
db=${2:?usage: bench/web.sh REGFLOW DB [SECONDS] [CONNECTIONS]}
seconds=${3:-30}
connections=${4:-16}
now=2026-06-01T09:00
port=$((20000 + RANDOM % 20000))
here=$(cd "$(dirname "$0")" && pwd)

"$regflow" --db "$db" user add web-bench --agency biro-hukum > /dev/null 2>&1 || true
echo "web-bench-pass" | "$regflow" --db "$db" user passwd web-bench --password-stdin > /dev/null
id=$("$regflow" --db "$db" --now "$now" list --open --workflow perda | awk 'NR==2 {print $1}')

log=$(mktemp)
"$regflow" --db "$db" --now "$now" serve --listen "127.0.0.1:$port" --threads 4 \
  --max-connections 2048 > "$log" 2> /dev/null &
server=$!
trap 'kill $server 2> /dev/null; rm -f "$log" "$jar"' EXIT
for _ in $(seq 100); do grep -q serving "$log" && break; sleep 0.1; done
base=http://127.0.0.1:$port
jar=$(mktemp)
page=$(curl -s -c "$jar" "$base/login")
csrf=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' <<< "$page" | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null -d "name=web-bench&password=web-bench-pass&csrf=$csrf" "$base/login"
cookie="regflow_session=$(awk '$6 == "regflow_session" {print $7}' "$jar")"

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
echo "server: $(head -1 "$log")"
echo "| target | req/s | p50 ms | p95 ms | p99 ms | vs static | RSS before -> after (KiB) |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
static_rps=
for target in /static/regflow.css / "/d/$id"; do
  before=$(rss)
  out=$(wrk -t 4 -c "$connections" -d "${seconds}s" -H "Cookie: $cookie" -s "$here/web_percentiles.lua" \
        "$base$target")
  after=$(rss)
  rps=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")
  read -r p50 p95 p99 <<< "$(awk '/^percentiles/ {print $2, $3, $4}' <<< "$out")"
  errors=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
  [[ -z $static_rps ]] && static_rps=$rps
  ratio=$(awk -v a="$rps" -v b="$static_rps" 'BEGIN {printf "%.3f", a / b}')
  echo "| $target${errors:+ ($errors non-2xx)} | $rps | $p50 | $p95 | $p99 | $ratio | $before -> $after |"
done
