#!/usr/bin/env bash
# Attaches and retrieves a 2 MiB and a 200 MiB document with `regflow attach` and `regflow
# document`, and prints each process's wall time and peak RSS (GNU time -v), with the ratio of
# 200 MiB to 2 MiB: memory must not grow with the document (it is streamed in 256 KiB chunks
# through SQLite's incremental blob I/O), time may grow with it. Not part of ctest.
#
#   bench/documents.sh [REGFLOW_BINARY] [WORK_DIR]
#
# Defaults: build/bench/cli/regflow if it exists, else build/dev/cli/regflow; /tmp/regflow-docs.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
regflow=${1:-}
if [[ -z "$regflow" ]]; then
  regflow=$root/build/bench/cli/regflow
  [[ -x "$regflow" ]] || regflow=$root/build/dev/cli/regflow
fi
work=${2:-/tmp/regflow-docs}
rm -rf "$work"
mkdir -p "$work/config"
cp -r "$root/workflows" "$root/rules" "$work/config/"
# The shipped limit is 50 MiB; the measurement needs room for 200 MiB.
{ cat "$root/settings.yaml"; printf '\ndocuments:\n  max_size_mib: 256\n'; } > "$work/config/settings.yaml"

export REGFLOW_DB=$work/bench.db REGFLOW_CONFIG=$work/config REGFLOW_USER=sari
export REGFLOW_NOW=2021-02-15T09:30
"$regflow" --config "$work/config" demo --db "$REGFLOW_DB" --now 2021-03-01 > /dev/null

head -c $((2 * 1024 * 1024)) /dev/urandom > "$work/small.bin"
head -c $((200 * 1024 * 1024)) /dev/urandom > "$work/large.bin"

# Prints "<seconds> <peak RSS KiB>" of one regflow process.
measure() {
  local out=$work/time.txt
  /usr/bin/time -v -o "$out" "$regflow" --config "$work/config" "$@" > /dev/null 2>&1
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out")
  echo "$wall $rss"
}

read -r attach_small_s attach_small_kb < <(measure attach PERGUB-2021-0001 "$work/small.bin" --kind lainnya)
read -r attach_large_s attach_large_kb < <(measure attach PERGUB-2021-0001 "$work/large.bin" --kind lainnya)
read -r get_small_s get_small_kb < <(measure document PERGUB-2021-0001 lainnya --version 1 -o "$work/small.out")
read -r get_large_s get_large_kb < <(measure document PERGUB-2021-0001 lainnya --version 2 -o "$work/large.out")
cmp "$work/small.bin" "$work/small.out"
cmp "$work/large.bin" "$work/large.out"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
echo "| measure | 2 MiB | 200 MiB | ratio |"
echo "| --- | --- | --- | --- |"
echo "| attach: wall s | $attach_small_s | $attach_large_s | $(ratio "$attach_large_s" "$attach_small_s") |"
echo "| attach: peak RSS KiB | $attach_small_kb | $attach_large_kb | $(ratio "$attach_large_kb" "$attach_small_kb") |"
echo "| document -o: wall s | $get_small_s | $get_large_s | $(ratio "$get_large_s" "$get_small_s") |"
echo "| document -o: peak RSS KiB | $get_small_kb | $get_large_kb | $(ratio "$get_large_kb" "$get_small_kb") |"
echo "(both files read back byte for byte: cmp passed; database $(du -h "$REGFLOW_DB" | cut -f1))"
