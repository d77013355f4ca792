#!/usr/bin/env bash
# Builds the benchmark jar and runs Plimsoll's engine benchmarks. See bench/README.md.
#
#   bench/run.sh overhead|open|scale|html|merge|all [options passed to the benchmark]
#   bench/run.sh jmh [JMH options]          (e.g. bench/run.sh jmh MixPickBench)
#
# Set SKIP_BUILD=1 to reuse an existing bench/target/plimsoll-bench.jar.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bench/target/plimsoll-bench.jar"
usage="usage: bench/run.sh overhead|open|scale|html|merge|all|jmh [options]"

# The major version of a java executable ("1.8.0_x" counts as 8), or 0 if it does not run.
java_major() {
  local line version
  line="$("$1" -version 2>&1 | grep -m1 -E 'version "[^"]+"' || true)"
  version="$(sed -E 's/.*version "([^"]+)".*/\1/' <<<"$line")"
  if [[ -z "$line" ]]; then
    echo 0
  elif [[ "$version" == 1.* ]]; then
    cut -d. -f2 <<<"$version"
  else
    sed -E 's/^([0-9]+).*/\1/' <<<"$version"
  fi
}

# $JAVA_HOME if it is 21+, else the newest JDK 21+ under /usr/lib/jvm.
find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && (( $(java_major "$JAVA_HOME/bin/java") >= 21 )); then
    echo "$JAVA_HOME/bin/java"
    return
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    major="$(java_major "$candidate")"
    if (( major >= 21 && major > best_major )); then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [[ -z "$best" ]]; then
    echo "bench/run.sh: no JDK >= 21 found (set JAVA_HOME to one, or install one under /usr/lib/jvm)" >&2
    exit 1
  fi
  echo "$best"
}

(( $# >= 1 )) || { echo "$usage" >&2; exit 2; }
what="$1"
shift
case "$what" in
  overhead|open|scale|html|merge|all|jmh) ;;
  *) echo "$usage" >&2; exit 2 ;;
esac

java="$(find_java)"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$root" && mvn -q -B -pl core,report-html,bench -am package -DskipTests)
fi
echo "java: $java"

run_main() {
  local class="$1"
  shift
  "$java" "$@" -cp "$jar" "dev.plimsoll.bench.$class" "${args[@]}"
}

args=("$@")
case "$what" in
  overhead) run_main EngineOverheadBench ;;
  open) run_main OpenPrecisionBench ;;
  scale) run_main ScaleBench -Xmx1g ;;
  html) run_main HtmlReportBench -Xmx512m ;;
  merge) run_main ClusterMergeBench -Xmx1g ;;
  jmh) "$java" -jar "$jar" "${args[@]}" ;;
  all)
    if (( ${#args[@]} > 0 )); then
      echo "bench/run.sh all takes no options (each benchmark has its own)" >&2
      exit 2
    fi
    run_main EngineOverheadBench
    echo
    run_main OpenPrecisionBench
    echo
    run_main ScaleBench -Xmx1g
    ;;
esac
