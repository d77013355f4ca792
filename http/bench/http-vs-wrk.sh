#!/usr/bin/env bash
# Runs HttpBench next to wrk against the same nginx, with shared/bench/http-vs-wrk.py.
#   http/bench/http-vs-wrk.sh [engine|async] [extra args for http-vs-wrk.py, e.g. -n 3 -d 15]
# Builds the module and its test classpath first (the benchmark main lives in src/test).
set -euo pipefail
cd "$(dirname "$0")/../.."
mode="${1:-engine}"; shift || true
java="${PLIMSOLL_JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java 2>/dev/null | head -1 || true)}"
# Nothing is installed into ~/.m2 (it is shared): the test classes are compiled in the reactor, and
# the command-line jar (which the plimsoll launcher builds when sources changed) supplies core, http
# and their dependencies.
mvn -q -B -pl http -am test-compile
./plimsoll --version >/dev/null
cp="http/target/test-classes:cli/target/plimsoll-cli.jar"
script="${HTTP_VS_WRK:-../shared/bench/http-vs-wrk.py}"
[ -f "$script" ] || script=/work/shared/bench/http-vs-wrk.py
exec python3 "$script" "$@" -- "$java" --enable-native-access=ALL-UNNAMED -Xmx512m -cp "$cp" \
  dev.plimsoll.http.HttpBench '{url}' --users '{conns}' --connections '{conns}' --duration '{dur}' --mode "$mode"
