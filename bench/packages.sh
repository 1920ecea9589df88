#!/usr/bin/env bash
# The Debian package as administrators get it: its size, `glpi-agent --version` and a local inventory with
# and without class-data sharing and the start-up cache (median wall time and peak RSS of N runs), and the RSS of an idle daemon, before its first run and
# after an inventory run (with runs in their own process, and inline), beside fusioninventory-agent's daemon. Root; installs the
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
timed() { # command... : median wall seconds and median peak RSS (MiB) over $runs
  for _ in $(seq "$runs"); do ${prep:-true}; /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; done >"$work/t"
  printf '%s s, %s MiB' "$(cut -d' ' -f1 "$work/t" | median)" "$(cut -d' ' -f2 "$work/t" | median | awk '{printf "%.1f", $1/1024}')"
}
printf '%-44s %s\n' "package" "$(du -k "$deb" | cut -f1) KiB, installed $(dpkg-query -W -f='${Installed-Size}' glpi-agent) KiB"
glpi-agent --version >/dev/null
printf '%-44s %s\n' "glpi-agent --version" "$(timed glpi-agent --version)"
# the launcher's JVM options, with class-data sharing off altogether: no archive of any kind
jopts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms8m -Xmx192m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -Xss512k -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=32m"
printf '%-44s %s\n' "glpi-inventory, no class-data sharing" \
  "$(GLPI_AGENT_JAVA_OPTS="$jopts -Xshare:off" GLPI_AGENT_CACHE="$work/off" timed glpi-inventory --vardir "$work/var")"
# a cache folder that cannot exist (under a file): only the runtime's archive, made at install
: >"$work/file"
printf '%-44s %s\n' "glpi-inventory, the runtime's archive only" \
  "$(GLPI_AGENT_CACHE="$work/file/cache" timed glpi-inventory --vardir "$work/var")"
# the first run of a fresh cache records what it loads (Java 25: the AOT configuration)
export GLPI_AGENT_CACHE="$work/first"
printf '%-44s %s\n' "glpi-inventory, first run (records its cache)" \
  "$(prep='eval rm -rf $GLPI_AGENT_CACHE' timed glpi-inventory --vardir "$work/var")"
export GLPI_AGENT_CACHE="$work/cache"
glpi-inventory --vardir "$work/var" >/dev/null 2>&1; glpi-inventory --vardir "$work/var" >/dev/null 2>&1
for _ in $(seq 60); do pgrep -f 'AOTMode=create' >/dev/null || break; sleep 0.5; done
printf '%-44s %s\n' "glpi-inventory, with its AOT cache" "$(timed glpi-inventory --vardir "$work/var")"
# Idle daemons. Each target's run happens in a process of its own (agent-cli ChildRuns); GLPI_AGENT_RUNS=inline
# keeps runs in the daemon, as before, for comparison. The JVM hands freed native memory back every minute, so
# figures are read 70 s after the start or the run. A first start and stop makes the daemon's class-data
# archive, as a service's first stop does.
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
glpi-agent --daemon --no-fork --server http://127.0.0.1:9/ --vardir "$work/dvar0" --delaytime 3600 --no-httpd \
  >"$work/daemon0.log" 2>&1 &
daemon=$!; sleep 5; kill "$daemon"; wait "$daemon" 2>/dev/null || true
idle() { # name port [env...]: a daemon with a local target whose inventory runs at once, then idles
  name=$1; port=$2; shift 2
  mkdir -p "$work/$name.out"
  env "$@" glpi-agent --set-forcerun --vardir "$work/$name.var" >/dev/null
  env "$@" glpi-agent --daemon --no-fork --local "$work/$name.out" --vardir "$work/$name.var" --delaytime 3600 \
    --httpd-ip 127.0.0.1 --httpd-port "$port" >"$work/$name.log" 2>&1 &
  echo $! >"$work/$name.pid"
}
glpi-agent --daemon --no-fork --server http://127.0.0.1:9/ --vardir "$work/dvar" --delaytime 3600 \
  --httpd-ip 127.0.0.1 --httpd-port 18222 >"$work/daemon.log" 2>&1 &
daemon=$!
idle child 18223
idle inline 18224 GLPI_AGENT_RUNS=inline
for n in child inline; do
  for _ in $(seq 120); do grep -q 'run done' "$work/$n.log" && break; sleep 0.5; done
  grep -q 'run done' "$work/$n.log" || { echo "the $n daemon's inventory run did not end" >&2; exit 1; }
done
sleep 70
printf '%-44s %s MiB\n' "idle daemon RSS before any run (server target)" "$(rss "$daemon")"
printf '%-44s %s MiB\n' "idle daemon RSS after an inventory run" "$(rss "$(cat "$work/child.pid")")"
printf '%-44s %s MiB\n' "  the same, runs inside the daemon (inline)" "$(rss "$(cat "$work/inline.pid")")"
for p in "$daemon" "$(cat "$work/child.pid")" "$(cat "$work/inline.pid")"; do kill "$p"; wait "$p" 2>/dev/null || true; done
# the Perl daemon beside it, when Debian's fusioninventory-agent is installed (same local target, run at start)
if command -v fusioninventory-agent >/dev/null; then
  mkdir -p "$work/perl.out"
  fusioninventory-agent --daemon --no-fork --local "$work/perl.out" --no-httpd \
    --delaytime 1 >"$work/perl.log" 2>&1 &
  perl=$!
  for _ in $(seq 240); do [ -n "$(ls "$work/perl.out")" ] && break; sleep 0.5; done
  sleep 70
  printf '%-44s %s MiB\n' "fusioninventory-agent daemon after its run" "$(rss "$perl")"
  kill "$perl"; wait "$perl" 2>/dev/null || true
fi
