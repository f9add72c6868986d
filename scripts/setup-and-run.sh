#!/usr/bin/env bash
# One entry point for the README's two commands:
#   bash scripts/setup-and-run.sh demo   install, build, run the demo and print the board
#   bash scripts/setup-and-run.sh test   install, build (warnings as errors, ASan+UBSan), run all tests
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-demo}"

packages=(build-essential cmake ninja-build pkg-config
  libboost-graph-dev libboost-serialization-dev libyaml-cpp-dev libsqlitecpp-dev libsqlite3-dev
  libspdlog-dev libfmt-dev catch2 libcli11-dev nlohmann-json3-dev libssl-dev libxlsxwriter-dev
  graphviz sqlite3 python3 python3-icalendar clang libclang-rt-14-dev
  libboost-dev libboost-locale-dev gettext libmstch-dev libsodium-dev libzip-dev libxml2-dev
  chromium chromium-driver python3-selenium wrk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

jobs="$(nproc)"
case "$mode" in
  demo)
    cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
    cmake --build build/release -j "$jobs"
    db="${REGFLOW_DEMO_DB:-build/demo.db}"
    rm -f "$db" "$db-wal" "$db-shm"
    ./build/release/cli/regflow demo --db "$db" --now "${REGFLOW_DEMO_NOW:-2021-02-15T09:00}"
    ;;
  test)
    cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DREGFLOW_WERROR=ON -DREGFLOW_SANITIZE=ON >/dev/null
    cmake --build build/test -j "$jobs"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --test-dir build/test --output-on-failure -j "$jobs"
    # Each libFuzzer target for a short, fixed time (clang build in build/fuzz).
    bash tests/fuzz/run.sh "${REGFLOW_FUZZ_SECONDS:-15}"
    ;;
  *)
    echo "usage: scripts/setup-and-run.sh demo|test" >&2
    exit 2
    ;;
esac
