#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in their own build folder and runs each for SECONDS.
#
# Usage: tests/fuzz/run.sh SECONDS [TARGET...]
#   targets: workflow_loader_fuzz rules_file_fuzz rules_parser_fuzz web_request_fuzz (default: all)
#   REGFLOW_FUZZ_BUILD   build folder (default build/fuzz)
#
# Seed corpora are generated from the shipped workflows/ and rules/ and the tests/data fixtures;
# what the fuzzer finds accumulates in $REGFLOW_FUZZ_BUILD/corpus/<target>. A crash or hang stops
# the run with exit 1 and leaves the input in $REGFLOW_FUZZ_BUILD/artifacts/: make it a
# regression test (the input under tests/data/, the fix in the engine).
set -euo pipefail
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...]}
shift
cd "$(dirname "$0")/../.."
src=$PWD
build=${REGFLOW_FUZZ_BUILD:-build/fuzz}
targets=("$@")
((${#targets[@]})) || targets=(workflow_loader_fuzz rules_file_fuzz rules_parser_fuzz web_request_fuzz)

if ! command -v clang++ > /dev/null; then
  echo "tests/fuzz/run.sh: clang++ not found; install the Debian packages clang and libclang-rt-14-dev" >&2
  exit 1
fi
if ! clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a | grep -q /; then
  echo "tests/fuzz/run.sh: the libFuzzer runtime is missing; install libclang-rt-14-dev" >&2
  exit 1
fi

launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DBUILD_TESTING=OFF -DREGFLOW_FUZZ=ON \
  "${launcher[@]}" > /dev/null
cmake --build "$build" -j "${REGFLOW_FUZZ_JOBS:-$(nproc)}" --target "${targets[@]}"

# Seeds: whole files for the file loaders, one expression per file for the expression parser.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{workflow_loader_fuzz,rules_file_fuzz,rules_parser_fuzz,web_request_fuzz}
# Request targets (and a form body after the newline) that the web tests send.
k=0
for target in '/d/PERGUB-2021-0001?q=OK+OCE&asof=2021-03-01' '/static/%2e%2e/regflow.db' \
    '/ics/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/biro-hukum.ics' '/workflows/pergub/graph.svg'; do
  printf '%s\nname=sari&password=a%%26b&csrf=00' "$target" > "$seeds/web_request_fuzz/$((k++)).req"
done
n=0
for f in workflows/*.yaml tests/data/valid/config/workflows/*.yaml tests/data/invalid/*.yaml \
         tests/data/loop/config/workflows/*.yaml; do
  [ "$(basename "$f")" = agencies.yaml ] && continue
  cp "$f" "$seeds/workflow_loader_fuzz/$((n++))-$(basename "$f")"
done
for f in rules/*.yaml tests/data/rules/*.yaml tests/data/rules/*/*.yaml; do
  [ -f "$f" ] && cp "$f" "$seeds/rules_file_fuzz/$((n++))-$(basename "$f")"
done
python3 - "$seeds/rules_parser_fuzz" workflows/*.yaml rules/*.yaml tests/data/invalid/*.yaml \
    tests/data/valid/config/workflows/*.yaml <<'PY'
import re, sys
out, files = sys.argv[1], sys.argv[2:]
pattern = re.compile(r"""\b(?:guard|when|if):\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)')""")
seen = set()
for name in files:
    for match in pattern.finditer(open(name, encoding="utf-8", errors="replace").read()):
        text = match[1] if match[1] is not None else match[2].replace("''", "'")
        seen.add(text)
for n, text in enumerate(sorted(seen)):
    with open(f"{out}/{n}.expr", "w", encoding="utf-8") as f:
        f.write(text)
PY

status=0
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target
  artifacts=$build/artifacts/$target/
  mkdir -p "$corpus" "$artifacts"
  echo "fuzzing $target for ${seconds}s ($(ls "$seeds/$target" | wc -l) seeds, $(ls "$corpus" | wc -l) in corpus)"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
       "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" \
       "$corpus" "$seeds/$target" > "$build/$target.log" 2>&1; then
    echo "FAILED: $target found a crash or hang; input in $artifacts, log in $build/$target.log"
    grep -E '^(==|SUMMARY|ERROR|.*runtime error)' "$build/$target.log" | head -20 || true
    status=1
  else
    grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$build/$target.log" |
      sed "s/^/  /"
  fi
done
exit $status
