#!/usr/bin/env bash
# Load on the agent's port: a real daemon on loopback with httpd-proxy on, a stand-in GLPI server behind it
# (a small Python HTTP server answering {"status":"ok"}), and wrk (Debian's) driving GET /status, GET /api/...
# and POST /proxy/glpi from another process, CONNECTIONS connections for SECONDS seconds each.
#
# Usage: bench/load.sh [seconds] [connections]   (default 30 64)
# Prints, per endpoint: requests/s, latency p50/p99, socket errors, non-2xx answers (the proxy's 429s are its
# per-caller limit of 120 messages an hour working), then the daemon's peak RSS (VmHWM) and its heap after a
# GC; writes the same as TSV to target/load-result.tsv for bench/reliability.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}; conns=${2:-64}
command -v wrk >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
[ -f agent-cli/target/glpi-agent.jar ] || mvn -B -q -o -DskipTests package
java=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}; java=${java:-java}
work=$(mktemp -d); trap 'kill $agent $backend 2>/dev/null || true; wait 2>/dev/null; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
bport=$(free_port); aport=$(free_port)

python3 - "$bport" >"$work/backend.log" 2>&1 <<'PY' &
import sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
class H(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b'{"status":"ok","expiration":24}'
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    do_GET = do_POST
    def log_message(self, *a): pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
backend=$!

"$java" -Xmx256m -jar agent-cli/target/glpi-agent.jar --daemon --no-fork --server "http://127.0.0.1:$bport/" \
  --vardir "$work/var" --httpd-ip 127.0.0.1 --httpd-port "$aport" --httpd-trust 127.0.0.1 --httpd-proxy \
  --delaytime 86400 --logfile "$work/agent.log" >"$work/agent.out" 2>&1 &
agent=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$aport/status" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$aport/status" >/dev/null || { echo "the daemon did not start:"; cat "$work/agent.out"; exit 1; }

cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"action":"contact","deviceid":"bench-2026-01-01-00-00-00","name":"GLPI-Agent","version":"1.0","enabled-tasks":["inventory"]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["GLPI-Agent-ID"] = "3a3e2f0c-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
LUA
cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT\t%.0f\t%.2f\t%.2f\t%d\t%d\t%d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status, summary.requests))
end
LUA
cat "$work/post.lua" "$work/report.lua" >"$work/post-report.lua"

out=target/load-result.tsv; mkdir -p target
printf 'endpoint\trequests_per_s\tp50_ms\tp99_ms\tsocket_errors\tnon_2xx\trequests\n' >"$out"
printf '%-22s %10s %8s %8s %8s %8s %9s\n' endpoint req/s p50_ms p99_ms errors non-2xx requests
for ep in /status /api/jobs?expanded /api/clock /proxy/glpi; do
  script="$work/report.lua"; [ "$ep" = /proxy/glpi ] && script="$work/post-report.lua"
  line=$(wrk -t2 -c"$conns" -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$aport$ep" | grep '^RESULT' || true)
  [ -n "$line" ] || { echo "wrk gave no result for $ep" >&2; exit 1; }
  printf '%s%s\n' "$ep" "${line#RESULT}" >>"$out"
  echo "$line" | awk -v ep="$ep" -F'\t' '{printf "%-22s %10s %8s %8s %8s %8s %9s\n", ep, $2, $3, $4, $5, $6, $7}'
done
kill -0 "$agent" || { echo "the daemon died under load:"; tail -20 "$work/agent.out"; exit 1; }
hwm=$(awk '/VmHWM/{print $2}' /proc/$agent/status)
threads=$(awk '/Threads/{print $2}' /proc/$agent/status)
heap=$(jcmd "$agent" GC.heap_info 2>/dev/null | awk '/used/{print; exit}' || true)
printf 'daemon peak RSS (VmHWM): %d MiB, threads after the load: %s, -Xmx256m\n' $((hwm / 1024)) "$threads"
[ -n "$heap" ] && echo "heap: $heap"
printf 'peak_rss_kib\t%s\nthreads\t%s\nseconds\t%s\nconnections\t%s\n' "$hwm" "$threads" "$seconds" "$conns" >>"$out"
