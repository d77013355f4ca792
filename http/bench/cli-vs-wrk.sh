#!/usr/bin/env bash
# What users run, next to wrk against the same nginx (shared/bench/http-vs-wrk.py: nginx pinned to
# CPU 1, each generator to CPU 0, 64 connections, runs alternating, medians of paired ratios).
#   http/bench/cli-vs-wrk.sh http [-n 3 -d 15]   # plimsoll http URL --users 64 --connections 64
#   http/bench/cli-vs-wrk.sh run  [-n 3 -d 15]   # plimsoll run http/bench/items.yaml (templated URL, 2 headers, check)
# The plimsoll launcher builds the command-line jar first if sources changed.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode="${1:-http}"; shift || true
script="${HTTP_VS_WRK:-../shared/bench/http-vs-wrk.py}"
[ -f "$script" ] || script=/work/shared/bench/http-vs-wrk.py
./plimsoll --version >/dev/null
case "$mode" in
  http) exec python3 "$script" "$@" -- ./plimsoll http '{url}' --users '{conns}' --connections '{conns}' --duration '{dur}s' ;;
  run)  exec python3 "$script" "$@" -- ./plimsoll run http/bench/items.yaml --target '{url}' --users '{conns}' \
          --connections '{conns}' --duration '{dur}s' ;;
  *) echo "usage: $0 http|run [http-vs-wrk.py options, e.g. -n 3 -d 15]" >&2; exit 2 ;;
esac
