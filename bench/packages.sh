#!/usr/bin/env bash
# The Debian package as administrators get it: its size, `glpi-agent --version` and a local inventory with
# and without the start-up cache (medians of N runs), and the RSS of an idle daemon, before its first run and
# after an inventory run. Root; installs the
# package, and purges it at the end. Usage: bench/packages.sh [runs]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
work=$(mktemp -d)
trap 'dpkg -P glpi-agent >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
out=$(sh packaging/build-deb.sh "$work/dist")
out=$(printf '%s\n' "$out" | tail -n 1)
deb=${out%% (*}
dpkg -i "$deb" >/dev/null
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
timed() { # command... : median wall seconds over $runs
  for _ in $(seq "$runs"); do /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; done | median
}
printf '%-44s %s\n' "package" "$(du -k "$deb" | cut -f1) KiB, installed $(dpkg-query -W -f='${Installed-Size}' glpi-agent) KiB"
glpi-agent --version >/dev/null
printf '%-44s %s s\n' "glpi-agent --version" "$(timed glpi-agent --version)"
export GLPI_AGENT_CACHE="$work/nocache"
printf '%-44s %s s\n' "glpi-inventory, no start-up cache" \
  "$(for _ in $(seq "$runs"); do rm -rf "$GLPI_AGENT_CACHE"; mkdir -p "$GLPI_AGENT_CACHE"; chmod 500 "$GLPI_AGENT_CACHE";
     /usr/bin/time -f "%e" glpi-inventory --vardir "$work/var" 2>&1 >/dev/null | tail -1; done | median)"
export GLPI_AGENT_CACHE="$work/cache"
glpi-inventory --vardir "$work/var" >/dev/null 2>&1; glpi-inventory --vardir "$work/var" >/dev/null 2>&1
for _ in $(seq 60); do pgrep -f 'AOTMode=create' >/dev/null || break; sleep 0.5; done
printf '%-44s %s s\n' "glpi-inventory, with its AOT cache" "$(timed glpi-inventory --vardir "$work/var")"
glpi-agent --daemon --no-fork --server http://127.0.0.1:9/ --vardir "$work/dvar" --delaytime 3600 \
  --httpd-ip 127.0.0.1 --httpd-port 18222 >"$work/daemon.log" 2>&1 &
daemon=$!
sleep 20
pid=$daemon
printf '%-44s %s MiB\n' "idle daemon RSS (a server target, port open)" \
  "$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status")"
kill "$daemon"; wait "$daemon" 2>/dev/null || true
# after a run: a daemon with a local target runs its inventory at once (SIGUSR1), then idles; the JVM hands
# freed native memory back every minute, so the figure is read after that minute
mkdir -p "$work/dout"
glpi-agent --daemon --no-fork --local "$work/dout" --vardir "$work/dvar2" --delaytime 3600 \
  --httpd-ip 127.0.0.1 --httpd-port 18223 >"$work/daemon2.log" 2>&1 &
daemon=$!
sleep 5
kill -USR1 "$daemon"
for _ in $(seq 60); do grep -q 'run done' "$work/daemon2.log" && break; sleep 0.5; done
grep -q 'run done' "$work/daemon2.log" || { echo "the daemon's inventory run did not end" >&2; exit 1; }
sleep 65
printf '%-44s %s MiB\n' "idle daemon RSS after an inventory run" \
  "$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$daemon/status")"
kill "$daemon"; wait "$daemon" 2>/dev/null || true
