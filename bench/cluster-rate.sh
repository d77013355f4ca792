#!/usr/bin/env bash
# A coordinator and N workers of the plimsoll command on this machine, over mutual TLS on loopback,
# send an open-model rate to an nginx of their own; compares what they merged, and what nginx
# logged, with the plan. See bench/README.md ("cluster-rate.sh").
#
#   bench/cluster-rate.sh [--workers 4] [--rate 1000] [--duration 30s] [--keep]
#
# Exit status: 0 when the merged rate is within 1 % of the target, every planned arrival was started
# or counted as dropped, and nginx logged exactly the requests started; 1 when not; 2 for a usage
# error; 3 when something could not start.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage="usage: bench/cluster-rate.sh [--workers N] [--rate R] [--duration SECONDS] [--keep]"
workers=4
rate=1000
duration=30
keep=0
while (( $# > 0 )); do
  case "$1" in
    --workers) workers="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --duration) duration="${2%s}"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
[[ "$workers" =~ ^[1-9][0-9]*$ && "$rate" =~ ^[1-9][0-9]*$ && "$duration" =~ ^[1-9][0-9]*$ ]] \
  || { echo "$usage (whole numbers > 0)" >&2; exit 2; }
command -v nginx >/dev/null || { echo "cluster-rate.sh: needs nginx (apt-get install nginx)" >&2; exit 3; }
command -v python3 >/dev/null || { echo "cluster-rate.sh: needs python3 to read result.json" >&2; exit 3; }

work="$(mktemp -d /tmp/plimsoll-cluster-rate.XXXXXX)"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ "$keep" == 1 ]]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Two free loopback ports: nginx's and the coordinator's.
read -r nginx_port cluster_port < <(python3 -c '
import socket
ss = [socket.socket() for _ in range(2)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])')

# nginx: one process, its own config and access log in the work directory.
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
master_process off;
daemon off;
worker_rlimit_nofile 8192;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  log_format at '\$msec';
  access_log $work/nginx/access.log at;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fcgi;
  uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  server { listen 127.0.0.1:$nginx_port; location / { return 200 "ok\n"; } }
}
CONF
nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" >"$work/nginx/stdout.log" 2>&1 &
pids+=($!)

plimsoll="$root/plimsoll"
export PLIMSOLL_JAVA_OPTS="${PLIMSOLL_JAVA_OPTS:--Xmx512m}"
# Builds the jar now if it is stale, rather than in five processes at once.
"$plimsoll" --version >/dev/null

"$plimsoll" certs init --dir "$work/tls" >/dev/null
names=(coordinator)
for ((i = 1; i <= workers; i++)); do names+=("worker-$i"); done
"$plimsoll" certs issue "${names[@]}" --dir "$work/tls" >/dev/null

cat >"$work/rate.yaml" <<YAML
name: cluster-rate
target: http://127.0.0.1:$nginx_port
duration: ${duration}s
workloads:
  - name: open
    open: { rate: $rate/s }
    mix:
      - name: get
        request: { url: / }
YAML

for ((i = 1; i <= workers; i++)); do
  "$plimsoll" worker --join "127.0.0.1:$cluster_port" --tls-dir "$work/tls" --tls-name "worker-$i" \
    >"$work/worker-$i.log" 2>&1 &
  pids+=($!)
done
echo "cluster-rate: $workers workers, $rate/s for ${duration}s against nginx 127.0.0.1:$nginx_port ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
set +e
"$plimsoll" run "$work/rate.yaml" --workers "$workers" --cluster "127.0.0.1:$cluster_port" --tls-dir "$work/tls" \
  --wait-for-workers 120s --no-progress --out "$work/out" >"$work/coordinator.log" 2>&1
code=$?
set -e
grep -E '^plimsoll: started' "$work/coordinator.log" || true
if [[ ! -f "$work/out/result.json" ]]; then
  echo "cluster-rate: no result (exit $code); the coordinator said:" >&2
  tail -20 "$work/coordinator.log" >&2
  exit 3
fi
logged=$(wc -l <"$work/nginx/access.log")
python3 - "$work/out/result.json" "$rate" "$duration" "$logged" "$code" "$work/nginx/access.log" <<'PY'
import json, sys
result, rate, duration, logged, code, access = (sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]),
    int(sys.argv[5]), sys.argv[6])
d = json.load(open(result))
t = d["total"]
planned = round(rate * duration)
fleet = d.get("sections", {}).get("fleet", {}).get("data", {})
for w in fleet.get("workers", []):
    skew = w.get("startSkewS")
    print(f"worker {w['segment']:8} {w['address']} ({w['host']}): {w['completed']} completed, {w['dropped']} dropped, "
          + (f"started {skew * 1000:+.1f} ms from the planned instant" if skew is not None else "start unknown")
          + (", LOST" if w.get("lost") else ""))
if "startSkewS" in fleet:
    print(f"start skew            {fleet['startSkewS'] * 1000:.1f} ms (latest minus earliest worker start)")
if fleet.get("startLatenessS") is not None:
    print(f"latest start          {fleet['startLatenessS'] * 1000:+.1f} ms from the planned instant")
measured = float(d["measuredDurationS"])
merged_rate = t["throughputPerSecond"]
deviation = (merged_rate - rate) / rate * 100
expected = sum(i["expectedArrivals"] for i in d["intervals"])
full = [i for i in d["intervals"] if abs(float(i["lengthS"]) - 1) < 1e-9]
per_interval = [sum(op["started"] for op in i["operations"]) / float(i["lengthS"]) for i in full]
print(f"planned arrivals      {planned} ({rate:g}/s x {duration:g} s); expected by the merged intervals {expected:g}")
print(f"merged                started {t['started']}, succeeded {t['succeeded']}, failed {t['failed']}, dropped {t['dropped']}")
print(f"merged rate           {merged_rate:.2f}/s (the result's throughput over {measured:g} s): {deviation:+.3f} % from the target")
if per_interval:
    print(f"per 1 s interval      min {min(per_interval):.0f}/s, max {max(per_interval):.0f}/s ({len(per_interval)} intervals)")
print(f"nginx access log      {logged} requests ({logged - planned:+d} against the plan)")
times = [float(l) for l in open(access) if l.strip()]
if len(times) > 1:
    span = max(times) - min(times)
    print(f"nginx's own view      {len(times) / span:.1f}/s from its first to its last request ({span:.2f} s)")
print(f"coordinator exit      {code}")
# Every planned arrival accounted for: started (and then seen by nginx, exactly) or dropped by a
# worker that could not keep up (counted, never hidden).
accounted = t["started"] + t["dropped"] == planned and logged == t["started"]
ok = abs(deviation) <= 1 and accounted
print("cluster-rate: " + ("PASS" if ok else "FAIL") + ": merged rate within 1 % of the target; "
      + "planned = started + dropped, and nginx logged every request started")
sys.exit(0 if ok else 1)
PY
