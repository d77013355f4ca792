#!/usr/bin/env bash
# Soak benchmark (not in CI): a long run at a steady rate with 1 % errors, watching the generator's
# heap and RSS, and the sizes of its journal and result, over time. See bench/README.md "soak".
#
#   bench/soak.sh [--duration 30m] [--rate 5000/s] [--out DIR] [--sample-every 5]
#
# Starts nginx on a free loopback port (1 % of requests answered 500, by nginx's split_clients on
# the request id), runs `./plimsoll http` against it, samples the plimsoll JVM every few seconds
# (heap after the last GC with jstat, RSS from /proc, the journal's size), then checks:
#   - heap flat: old generation after GC in the last third of the run within 10 % (or 8 MiB) of
#     the first third's;
#   - RSS flat: the last third's median within 10 % (or 16 MiB) of the first third's;
#   - error samples bounded: no error class in result.json keeps more than ErrorClass.MAX_SAMPLES
#     (100) samples, none in an interval more than 10, and there are at most 100 classes;
#   - journal and result grow only with intervals: bytes per journal line steady (last third's
#     median within 10 % of the first third's) and result.json's bytes per interval close to it.
# Prints the figures and exits 1 if a check fails. Needs nginx and python3.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration=30m
rate=5000/s
every=5
out=""
while (($#)); do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --sample-every) every="$2"; shift 2 ;;
    *) echo "usage: bench/soak.sh [--duration 30m] [--rate 5000/s] [--out DIR] [--sample-every S]" >&2; exit 2 ;;
  esac
done
work="${out:-$(mktemp -d /tmp/plimsoll-soak.XXXXXX)}"
mkdir -p "$work"
run="$work/run"
rm -rf "$run"

# --- nginx: 99 % "ok", 1 % 500 ------------------------------------------------------------
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
error_log $work/nginx/logs/error.log warn;
pid $work/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  split_clients "\${request_id}" \$outcome { 1% fail; * ok; }
  server {
    listen 127.0.0.1:$port;
    location / {
      if (\$outcome = fail) { return 500 "failed\n"; }
      return 200 "ok\n";
    }
  }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
cleanup() {
  [[ -n "${plimsoll_pid:-}" ]] && kill "$plimsoll_pid" 2>/dev/null || true
  [[ -f "$work/nginx/nginx.pid" ]] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# --- the run ---------------------------------------------------------------------------
(cd "$root" && mvn -o -q -B -DskipTests package)
"$root/plimsoll" http "http://127.0.0.1:$port/" --rate "$rate" --duration "$duration" \
  --no-progress --out "$run" >"$work/plimsoll.out" 2>&1 &
launcher=$!
# The launcher execs java: the same pid, once it has.
plimsoll_pid="$launcher"
for _ in $(seq 1 300); do
  [[ "$(cat /proc/$plimsoll_pid/comm 2>/dev/null)" == java ]] && break
  sleep 0.1
done
jdk_bin="$(dirname "$(readlink -f "/proc/$plimsoll_pid/exe")")"

samples="$work/samples.csv"
echo "elapsed_s,heap_used_mib,old_used_mib,rss_mib,journal_bytes,journal_lines,full_gcs" >"$samples"
start=$(date +%s)
while kill -0 "$plimsoll_pid" 2>/dev/null; do
  now=$(( $(date +%s) - start ))
  # jstat -gc: S0U S1U EU OU are columns 3,4,6,8 (KiB); FGC column 15.
  gc="$("$jdk_bin/jstat" -gc "$plimsoll_pid" 2>/dev/null | tail -n 1 || true)"
  rss="$(awk '/VmRSS/ {print $2}' "/proc/$plimsoll_pid/status" 2>/dev/null || echo 0)"
  jbytes=0; jlines=0
  if [[ -f "$run/journal.jsonl" ]]; then
    jbytes=$(stat -c %s "$run/journal.jsonl" 2>/dev/null || echo 0)
    jlines=$(wc -l <"$run/journal.jsonl" 2>/dev/null || echo 0)
  fi
  if [[ -n "$gc" && "$gc" != *S0C* ]]; then
    awk -v t="$now" -v rss="$rss" -v jb="$jbytes" -v jl="$jlines" '{
      printf "%d,%.1f,%.1f,%.1f,%d,%d,%s\n", t, ($3+$4+$6+$8)/1024, $8/1024, rss/1024, jb, jl, $15 }' <<<"$gc" >>"$samples"
  fi
  sleep "$every"
done
wait "$launcher" || status=$?
echo "plimsoll exited ${status:-0}; output:"
tail -n 40 "$work/plimsoll.out"

# --- the checks ------------------------------------------------------------------------
python3 - "$samples" "$run/result.json" <<'PY'
import csv, json, os, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]))]
result_path = sys.argv[2]
failed = []
def third(col, which):
    vals = [float(r[col]) for r in rows]
    n = max(1, len(vals) // 3)
    return vals[:n] if which == 0 else vals[-n:]
def check(name, ok, detail):
    print(("ok    " if ok else "FAIL  ") + name + ": " + detail)
    if not ok: failed.append(name)
if len(rows) < 6:
    print("too few samples (%d) to judge" % len(rows)); sys.exit(1)
# Heap: old generation in use, which only a leak makes climb between collections.
o1, o3 = statistics.median(third("old_used_mib", 0)), statistics.median(third("old_used_mib", 2))
check("heap flat", o3 <= max(o1 * 1.10, o1 + 8), "old gen median %.1f MiB (first third) -> %.1f MiB (last third); heap used max %.1f MiB"
      % (o1, o3, max(float(r["heap_used_mib"]) for r in rows)))
r1, r3 = statistics.median(third("rss_mib", 0)), statistics.median(third("rss_mib", 2))
check("RSS flat", r3 <= max(r1 * 1.10, r1 + 16), "median %.1f MiB -> %.1f MiB" % (r1, r3))
lines = [(int(r["journal_lines"]), int(r["journal_bytes"])) for r in rows if int(r["journal_lines"]) > 1]
if len(lines) >= 6:
    per = [b / l for l, b in lines]
    n = len(per) // 3
    p1, p3 = statistics.median(per[:n]), statistics.median(per[-n:])
    check("journal grows with intervals only", p3 <= p1 * 1.10,
          "%.0f bytes per line -> %.0f; %d lines, %.1f MiB at the last sample" % (p1, p3, lines[-1][0], lines[-1][1] / 2**20))
if os.path.exists(result_path):
    result = json.load(open(result_path))
    size = os.path.getsize(result_path)
    intervals = len(result["intervals"])
    most = max([len(e["samples"]) for e in result["errors"]] + [0])
    per_interval = max([len(e["samples"]) for i in result["intervals"] for o in i["operations"] for e in o["errors"]] + [0])
    check("error samples bounded", most <= 100 and per_interval <= 10 and len(result["errors"]) <= 100,
          "%d error classes, at most %d samples each in the run, %d in an interval" % (len(result["errors"]), most, per_interval))
    t = result["total"]
    print("      result.json %.1f MiB for %d intervals (%.0f bytes per interval); %d started, %d succeeded, %d failed (%.2f %%), throughput %.0f/s"
          % (size / 2**20, intervals, size / max(1, intervals), t["started"], t["succeeded"], t["failed"],
             100.0 * t["failed"] / max(1, t["succeeded"] + t["failed"]), t["throughputPerSecond"]))
    print("      journal after the run: %s" % ("kept" if os.path.exists(os.path.join(os.path.dirname(result_path), "journal.jsonl")) else "deleted (the result holds it all)"))
else:
    check("result written", False, "no result.json")
print("samples: " + sys.argv[1])
sys.exit(1 if failed else 0)
PY
