#!/usr/bin/env bash
# Cold-start benchmark of `kong-gitops render` (JVM start included), measured with hyperfine.
#
# usage: bench/run.sh [RUNS]          (RUNS: measured runs per case, default 10, at least 5)
#
# Builds target/kong-gitops.jar when missing, generates repositories with 1,000 and 10,000 Ingress rules
# (bench/generate-repo.py) in a temporary directory, and times
#   bin/kong-gitops render --repo <dir> --endpoints manifests -o /dev/null
# on samples/ and on both generated repositories (1 warm-up run, then RUNS runs each).
# Results: target/bench/render.md (hyperfine markdown) and target/bench/render.json.
# Environment: BENCH_JAVA_OPTS_VARIANTS=1 also times the launcher's JVM flag variants on the 10k repository.
# Targets (issue): samples < 1.5 s on a 2-core machine; 10,000 rules < 5 s.
set -euo pipefail

root=$(cd -- "$(dirname -- "$0")/.." && pwd)
runs=${1:-10}
if [ "$runs" -lt 5 ]; then runs=5; fi
cd "$root"

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "hyperfine not found: install it with 'apt-get install -y hyperfine'" >&2
  exit 1
fi
if [ ! -f target/kong-gitops.jar ] || [ ! -d target/lib ]; then
  echo "== building target/kong-gitops.jar"
  mvn -B -q package -DskipTests
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kong-gitops-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 bench/generate-repo.py 1000 "$work/rules-1k"
python3 bench/generate-repo.py 10000 "$work/rules-10k"

echo "== machine"
echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "nproc:     $(nproc)"
echo "cpu:       $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory:    $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (before)"
java -version 2>&1 | sed 's/^/java:      /'

# The launcher builds its class-data-sharing archive on a first run (in the background); make sure it exists so
# that every measured run sees the same state. KONG_GITOPS_CDS=off measures without it.
if [ "${KONG_GITOPS_CDS:-on}" != off ] && [ -x bin/kong-gitops-cds ]; then
  bin/kong-gitops-cds >/dev/null
fi

mkdir -p target/bench
render() { echo "bin/kong-gitops render --repo $1 --endpoints manifests -o /dev/null"; }
hyperfine --warmup 1 --runs "$runs" --style basic \
  --export-markdown target/bench/render.md --export-json target/bench/render.json \
  -n samples "$(render samples)" \
  -n 1k-rules "$(render "$work/rules-1k")" \
  -n 10k-rules "$(render "$work/rules-10k")"

if [ "${BENCH_JAVA_OPTS_VARIANTS:-0}" = 1 ]; then
  # The launcher's default flags vs full tiered compilation (C2) on the largest repository.
  c1="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
  c2="-XX:+UseSerialGC -Xshare:auto"
  hyperfine --warmup 1 --runs "$runs" --style basic --export-markdown target/bench/render-jvm-flags.md \
    -n "10k C1 only" "JAVA_OPTS='$c1' $(render "$work/rules-10k")" \
    -n "10k C1+C2" "JAVA_OPTS='$c2' $(render "$work/rules-10k")" \
    -n "10k default (parallel GC, C2)" "JAVA_OPTS=' ' $(render "$work/rules-10k")"
fi

echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (after)"
echo "== peak memory (10k rules render, /usr/bin/time -v)"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v bin/kong-gitops render --repo "$work/rules-10k" --endpoints manifests -o /dev/null 2>&1 \
    | grep -E 'Maximum resident set size|Elapsed \(wall clock\)'
fi
echo "== results: target/bench/render.md"
cat target/bench/render.md
