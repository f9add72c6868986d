#!/usr/bin/env bash
# Builds regflow in Release with the benchmarks, runs every benchmark of bench/README.md in one
# go and prints one Markdown table. Not part of ctest.
#
#   bench/run.sh [--dossiers N] [--reads "10000 100000"] [--check "1000 10000 20000 100000"]
#                [--durable N] [--sample 1000] [--work DIR] [--fast DIR]
#
# --dossiers  W1 dossiers on tmpfs (default 10000; 14 actions each, each its own transaction)
# --durable   W1 dossiers on --work, fsync per commit (default: as --dossiers)
# --reads     sizes of the generated read databases (through the engine; 1000000 took 44 min
#             and 12 GB in --fast, which must be a tmpfs that large)
# --check     step counts of the generated workflows for `check`: timed as a whole `regflow check`
#             process where it accepts the file (definition files are limited to 4 MiB, about
#             21,000 steps), and at every size in-process (`regflow-bench check-in-process`)
# --sample    `regflow advance` processes timed on the W1 database
# --work      where the durable databases live (a real disk: fsync is part of the figure)
# --fast      tmpfs for generating databases (then copied to --work) and the CPU-only W1 run
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dossiers=10000
reads="10000 100000"
checks="1000 10000 20000 100000"
sample=1000
durable=
work=/tmp/regflow-bench
fast=/dev/shm/regflow-bench
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dossiers) dossiers=$2; shift 2 ;;
    --reads) reads=$2; shift 2 ;;
    --check) checks=$2; shift 2 ;;
    --sample) sample=$2; shift 2 ;;
    --durable) durable=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --fast) fast=$2; shift 2 ;;
    *) echo "usage: $0 [--dossiers N] [--reads SIZES] [--check SIZES] [--sample N] [--work DIR] [--fast DIR]" >&2; exit 2 ;;
  esac
done
mkdir -p "$work" "$fast"
durable=${durable:-$dossiers}

build=$root/build/bench
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DREGFLOW_BUILD_BENCH=ON \
  -DBUILD_TESTING=OFF ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >&2
cmake --build "$build" -j2 --target regflow regflow-bench >&2
bench=$build/bench/regflow-bench
regflow=$build/cli/regflow
now=2026-11-30T10:00

echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), shared;" \
  "$(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| measure | figure | notes |"
echo "| --- | --- | --- |"

# 1. W1: durable on disk (fsync per commit), then on tmpfs where fsync is free (CPU cost only).
"$bench" w1 --db "$work/w1.db" --config "$root/bench/w1" --dossiers "$durable" --alternate 3
"$bench" w1 --db "$fast/w1.db" --config "$root/bench/w1" --dossiers "$dossiers" | sed 's/^| W1 /| W1 on tmpfs: /'
fresh=$(( (sample + 13) / 14 ))
"$bench" advance --regflow "$regflow" --db "$work/w1.db" --config "$root/bench/w1" \
  --fresh "$fresh" --workflow w1 --return-once --actions "$sample" \
  --label "regflow advance, one process per action (W1, db of $((durable + fresh)) dossiers)"

# 2. Reads on databases generated through the engine; 3. is after, on generated workflows.
for n in $reads; do
  if [[ ! -f "$work/reads-$n.db" ]]; then
    "$bench" generate --db "$fast/reads-$n.db" --config "$root" --dossiers "$n"
    cp "$fast/reads-$n.db" "$work/reads-$n.db" && rm -rf "$fast/reads-$n.db"*
  fi
  db=$work/reads-$n.db
  open_id=$("$regflow" --db "$db" --now "$now" list --open --workflow perda | awk 'NR==2 {print $1}')
  closed_id=$("$regflow" --db "$db" --now "$now" list --closed --workflow perda | awk 'NR==2 {print $1}')
  common=(--db "$db" --now "$now")
  "$bench" time --label "board ($n dossiers)" -- "$regflow" "${common[@]}" board
  "$bench" time --label "board --json ($n dossiers)" -- "$regflow" "${common[@]}" --json board
  "$bench" time --label "queue biro-hukum ($n dossiers)" -- "$regflow" "${common[@]}" queue biro-hukum
  "$bench" time --label "show $open_id ($n dossiers)" -- "$regflow" "${common[@]}" show "$open_id"
  "$bench" time --label "history $closed_id ($n dossiers)" -- "$regflow" "${common[@]}" history "$closed_id"
  "$bench" time --label "stats ($n dossiers)" -- "$regflow" "${common[@]}" stats
  "$bench" time --label "stats --json ($n dossiers)" -- "$regflow" "${common[@]}" --json stats
  # No stale WAL or definition cache (advance.db.cache/) from the previous size.
  rm -rf "$work/tick.db"* "$work/advance.db"*
  cp "$db" "$work/tick.db"
  # The first tick on a database recomputes every open dossier's deadlines and next timer day
  # (and fires what is due); later ones look only at the dossiers with a timer due.
  "$bench" time --runs 1 --no-warm-up --label "tick, first: recomputes all, fires ($n dossiers)" -- \
    "$regflow" --db "$work/tick.db" --now "$now" tick
  "$bench" time --runs 3 --label "tick, repeated, idempotent ($n dossiers)" -- \
    "$regflow" --db "$work/tick.db" --now "$now" tick
  "$bench" time --runs 3 --label "tick, the next day ($n dossiers)" -- \
    "$regflow" --db "$work/tick.db" --now "$(date -d "${now%%T*} + 1 day" +%F)T10:00" tick
  cp "$db" "$work/advance.db"
  "$bench" advance --regflow "$regflow" --db "$work/advance.db" --config "$root" --actions 100 \
    --label "regflow advance, one process (random open dossiers, $n dossiers)"
done

# 3. check on generated workflows of n steps and ~3n actions: the whole process where regflow
# accepts the file, and in-process (the same load and check functions) at every size.
for n in $checks; do
  "$bench" workflow --dir "$fast/check-$n" --steps "$n" --calendars "$root/rules/calendars"
  if refusal=$("$regflow" --config "$fast/check-$n" check 2>&1 >/dev/null); then
    "$bench" time --runs 3 --label "regflow check, $n steps, $((3 * n - 4)) actions" -- \
      "$regflow" --config "$fast/check-$n" check
  else
    echo "| regflow check, $n steps | refused | $(grep -m1 'error:' <<<"$refusal" | tr '|' '/') |"
  fi
  "$bench" check-in-process --runs 3 --dir "$fast/check-$n" \
    --label "check in-process, $n steps, $((3 * n - 4)) actions"
done

# 4. Cold start.
"$bench" time --runs 21 --label "regflow --version" -- "$regflow" --version
first=${reads%% *}
if [[ -n "$first" ]]; then  # --reads "" measures no read database
  id=$("$regflow" --db "$work/reads-$first.db" --now "$now" list --open | awk 'NR==2 {print $1}')
  "$bench" time --runs 21 --label "regflow show $id ($first dossiers)" -- \
    "$regflow" --db "$work/reads-$first.db" --now "$now" show "$id"
fi
