#!/usr/bin/env bash
# Holds about 10,000 connections open: an open model at 2,000/s against a server that answers
# after 5 s, with 10,000 connections allowed, in a 1 GiB heap. Prints the run's in-flight peak,
# connections, heap and RSS. Loopback only.
#   http/bench/many-connections.sh [rate=2000] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
rate="${1:-2000}"; seconds="${2:-20}"; port=18282
java="${PLIMSOLL_JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java 2>/dev/null | head -1 || true)}"
ulimit -n 65536 2>/dev/null || true
"$java" -Xmx2g http/bench/SlowServer.java "$port" 5000 & server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 3
out="$(mktemp -d)"
PLIMSOLL_JAVA_OPTS="-Xmx1g" ./plimsoll http "http://127.0.0.1:$port/" --rate "${rate}/s" --duration "${seconds}s" \
  --connections 10000 --timeout 30s --no-progress --out "$out" > "$out/console.txt" || true
python3 - "$out/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
peak = max(op['inFlight'] for i in r['intervals'] for op in i['operations'])
s = r['system']
print(f"completed {r['total']['succeeded']} ok, {r['total']['failed']} failed, dropped {r['total']['dropped']}")
print(f"peak in flight (= open connections, HTTP/1.1): {peak}")
print(f"heap used peak {s['heapUsedPeakBytes']/2**20:.0f} MiB (max heap 1024 MiB), RSS peak {s['rssPeakBytes']/2**20:.0f} MiB")
print(f"response p50 {r['total']['responseTime']['p50Ms']:.0f} ms, p99 {r['total']['responseTime']['p99Ms']:.0f} ms")
PY
