#!/usr/bin/env python3
"""The open model through the plimsoll command on one core, checked against nginx's own count.

nginx (one worker) is pinned to CPU 1 and serves a 2-byte body on 127.0.0.1:18182 (loopback only);
`plimsoll http URL --rate R/s` is pinned to CPU 0. For each run it prints what was planned
(rate x duration; the warm-up is its first part), what nginx counted (stub_status, its own status requests left
out), how far apart they are, and what the run's result.json says: dropped arrivals, scheduling
lag p99 and whether the generator flagged itself as the bottleneck.

usage:
  http/bench/open-model-one-core.py [-n RUNS] [--rate 50000] [--duration 20] [--warm-up 5]
                                    [--connections 64] [-- EXTRA PLIMSOLL OPTIONS...]
"""
import argparse
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

PORT = 18182
URL = f"http://127.0.0.1:{PORT}/"
STATUS = f"http://127.0.0.1:{PORT}/nginx_status"

NGINX_CONF = """
worker_processes 1;
worker_rlimit_nofile 65536;
daemon on;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 16384; multi_accept on; }}
http {{
  access_log off;
  keepalive_requests 10000000;
  keepalive_timeout 75s;
  client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fcgi;
  uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
  server {{
    listen 127.0.0.1:{port} backlog=4096;
    location = /nginx_status {{ stub_status; }}
    location / {{ default_type text/plain; return 200 "ok"; }}
  }}
}}
"""


def nginx_requests():
    with urllib.request.urlopen(STATUS, timeout=5) as r:
        lines = r.read().decode().splitlines()
    return int(lines[2].split()[2])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("-n", type=int, default=3)
    p.add_argument("--rate", type=int, default=50000)
    p.add_argument("--duration", type=int, default=20)
    p.add_argument("--warm-up", type=int, default=5)
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("extra", nargs="*")
    args = p.parse_args()
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    if not shutil.which("nginx"):
        sys.exit("nginx is needed: apt-get install -y nginx")
    subprocess.run([f"{root}/plimsoll", "--version"], check=True, stdout=subprocess.DEVNULL)
    d = tempfile.mkdtemp(prefix="bench-open-")
    with open(f"{d}/nginx.conf", "w") as f:
        f.write(NGINX_CONF.format(d=d, port=PORT))
    subprocess.run(["taskset", "-c", "1", "nginx", "-p", d, "-c", f"{d}/nginx.conf"], check=True)
    try:
        for _ in range(50):
            try:
                nginx_requests()
                break
            except OSError:
                time.sleep(0.1)
        plan = args.rate * args.duration  # the warm-up is the first part of the duration
        print(f"{'run':>3} {'plan':>9} {'nginx':>9} {'nginx-plan':>10} {'dropped':>8} {'lag p99 ms':>10} {'bottleneck':>10}")
        for i in range(args.n):
            out = f"{d}/out-{i}"
            before = nginx_requests()
            cmd = ["taskset", "-c", "0", f"{root}/plimsoll", "http", URL, "--rate", f"{args.rate}/s",
                   "--duration", f"{args.duration}s", "--warm-up", f"{args.warm_up}s",
                   "--connections", str(args.connections), "--out", out, *args.extra]
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            counted = nginx_requests() - before - 1
            result = json.load(open(glob.glob(f"{out}/**/result.json", recursive=True)[0]))
            health = result["generatorHealth"]
            print(f"{i + 1:>3} {plan:>9} {counted:>9} {100.0 * (counted - plan) / plan:>9.2f}% "
                  f"{health['droppedArrivals']:>8} {health['schedulingLag']['p99Ms']:>10.3f} "
                  f"{str(health['bottleneckSuspected']):>10}")
    finally:
        with open(f"{d}/nginx.pid") as f:
            os.kill(int(f.read()), signal.SIGQUIT)


if __name__ == "__main__":
    main()
