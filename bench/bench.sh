#!/usr/bin/env bash
# The benchmark of issue #10 in one command: kong-gitops and decK 1.4 side by side, cold processes, against the
# Kong Admin API double over HTTP. Writes target/bench/results.md (goals, measured figures, decK's figures from the
# same run, ratios, verdicts) and prints it; per-run logs in target/bench/logs/.
#
# usage: bench/bench.sh [--quick] [--with-100k] [--cases SPEC] [--shape per-two|fixed-50] [--no-deck]
#                       [--no-extras] [--deck-latencies L,L] [--no-cross-checks] [--skip-build] [--kg-args "ARGS"]
#
#   (default)     cases 1000@0;10000@0,2,20 — 1k rules at 0 ms, 10k rules at 0, 2 and 20 ms per request; plus one
#                 changed rule (10k) and a 1k repository beside 10k foreign rules. ≈ 15–30 min on 2 cores.
#   --quick       cases 1000@0,2 and no extras (a few minutes; for trying the harness)
#   --with-100k   adds 100000@0, the scale curve's top (350,000 entities): the no-op diffs of both tools; the first
#                 sync that makes the state runs in the benchmark's JVM (cases above 10,000 rules: no deck sync)
#   --cases SPEC  rules@latency,latency;... e.g. "10000@0,2"
#   --shape       per-two (default: one Ingress per rule, one Service per two rules, 3 endpoints each) or fixed-50
#                 (the earlier shape: Ingresses of 10 rules, 50 Services per namespace)
#   --no-deck     kong-gitops only;  --no-extras: no changed-rule / foreign-state runs
#   --deck-latencies L,L  decK only at these latencies (default: all)
#   --no-cross-checks     no decK diff of its own state, no kong-gitops diff of decK's state, no decK sync of the
#                 changed rule (saves ≈ 8 min at 10k on 2 busy cores)
#   --skip-build  use target/kong-gitops.jar as it is (default: mvn package -DskipTests first)
#   --kg-args     extra kong-gitops options for every sync/diff, e.g. "--read-parallelism=20"
# Environment: BENCH_MAVEN_ARGS (e.g. -o for offline), BENCH_PARALLELISM (default 10, both tools).
# Needs: java 17, maven, python3, GNU time (/usr/bin/time: apt-get install time), deck 1.4 (apt-get install deck).
# Not part of `mvn verify`: the bench tests only run in the `bench` Maven profile.
set -euo pipefail

root=$(cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"
cases="1000@0;10000@0,2,20"
shape=per-two
deck=true
extras=true
build=true
kg_args=""
deck_latencies=""
cross=true
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) cases="1000@0,2"; extras=false; shift ;;
    --with-100k) cases="$cases;100000@0"; shift ;;
    --cases) cases=$2; shift 2 ;;
    --shape) shape=$2; shift 2 ;;
    --no-deck) deck=false; shift ;;
    --no-extras) extras=false; shift ;;
    --deck-latencies) deck_latencies=$2; shift 2 ;;
    --no-cross-checks) cross=false; shift ;;
    --skip-build) build=false; shift ;;
    --kg-args) kg_args=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 1 ;;
  esac
done

missing=""
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
[ -x /usr/bin/time ] || missing="$missing time(/usr/bin/time)"
command -v mvn >/dev/null 2>&1 || missing="$missing maven"
if [ -n "$missing" ]; then
  echo "bench.sh: missing:$missing (apt-get install -y python3 time maven)" >&2
  exit 1
fi
if [ "$deck" = true ] && ! command -v deck >/dev/null 2>&1; then
  echo "bench.sh: deck not on PATH: running kong-gitops only (apt-get install -y deck for the side-by-side figures)" >&2
  deck=false
fi

# shellcheck disable=SC2086 # BENCH_MAVEN_ARGS is a list of options
if [ "$build" = true ] || [ ! -f target/kong-gitops.jar ]; then
  echo "== building target/kong-gitops.jar"
  mvn -B -q ${BENCH_MAVEN_ARGS:-} package -DskipTests
fi
# the launcher's class-data-sharing archive must be fresh before the first measured run (a stale one would make
# that run record its classes and dump a new archive in the background, during the next runs)
if [ "${KONG_GITOPS_CDS:-on}" != off ] && [ -x bin/kong-gitops-cds ]; then
  bin/kong-gitops-cds >/dev/null
fi

echo "== benchmark: cases $cases, shape $shape, decK $deck, extras $extras; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
mvn -B -q ${BENCH_MAVEN_ARGS:-} -Pbench test -Dtest=SideBySideBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dbench.cases=$cases" "-Dbench.shape=$shape" "-Dbench.deck=$deck" "-Dbench.extras=$extras" \
  "-Dbench.parallelism=${BENCH_PARALLELISM:-10}" "-Dbench.kgArgs=$kg_args" \
  "-Dbench.deckLatencies=$deck_latencies" "-Dbench.crossChecks=$cross"
echo "== target/bench/results.md"
