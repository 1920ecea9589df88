#!/usr/bin/env bash
# Runs inside the private network namespace made by bench/netdiscovery.sh.
set -euo pipefail
cd "$BENCH_ROOT"
work=$(mktemp -d)
trap 'for p in "$work"/snmpd-*.pid; do kill "$(cat "$p")" 2>/dev/null || true; done; sleep 0.5; rm -rf "$work" || true' EXIT
ip link set lo up

# the range: 127.20.0.0/<prefix>; devices on the first addresses of each /24 in turn
python3 - "$BENCH_PREFIX" "$BENCH_DEVICES" > "$work/devices" <<'PY'
import ipaddress, sys
net = ipaddress.ip_network(f"127.20.0.0/{sys.argv[1]}")
hosts = list(net.hosts())
step = max(1, len(hosts) // int(sys.argv[2]))
for h in hosts[::step][: int(sys.argv[2])]:
    print(h)
PY
# one snmpd per 100 addresses: a single snmpd answers on at most 127 of the addresses it is given
split -l 100 -d "$work/devices" "$work/part-"
for part in "$work"/part-*; do
  n=$(basename "$part")
  mkdir -p "$work/$n.d"
  {
    while read -r ip; do echo "agentAddress udp:$ip:161"; done < "$part"
    echo "rocommunity public"
    echo "sysName bench-device"
  } > "$work/$n.conf"
  SNMP_PERSISTENT_DIR=$work/$n.d /usr/sbin/snmpd -C -c "$work/$n.conf" -Lf "$work/$n.log" -p "$work/snmpd-$n.pid"
done
sleep 1
set_elems=$(paste -sd, "$work/devices")
nft -f - <<NFT
table inet bench {
  set answering { type ipv4_addr; elements = { $set_elems } }
  chain input { type filter hook input priority 0; ip daddr 127.20.0.0/16 ip daddr != @answering drop; }
}
NFT

first=$(python3 -c "import ipaddress; print(next(ipaddress.ip_network('127.20.0.0/$BENCH_PREFIX').hosts()))")
last=$(python3 -c "import ipaddress; print(list(ipaddress.ip_network('127.20.0.0/$BENCH_PREFIX').hosts())[-1])")
total=$(python3 -c "import ipaddress; print(ipaddress.ip_network('127.20.0.0/$BENCH_PREFIX').num_addresses - 2)")
silent=$((total - BENCH_DEVICES))

run() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" || true
}
# two unmeasured runs on one address: the launcher records its start-up cache on the first and builds it in
# the background after the second (a recording run is slower and larger; every installation pays it once)
export GLPI_AGENT_CACHE="$work/cache"
for _ in 1 2; do
  packaging/bin/glpi-agent netdiscovery --first "$first" --last "$first" --timeout 1 --community public --vardir "$work/var" > /dev/null 2>&1 || true
done
for _ in $(seq 60); do pgrep -f 'AOTMode=create' > /dev/null || break; sleep 0.5; done
run java packaging/bin/glpi-agent netdiscovery --first "$first" --last "$last" --threads "$BENCH_WORKERS" \
  --timeout "$BENCH_TIMEOUT" --community public --vardir "$work/var"
[ -n "${BENCH_SKIP_PERL:-}" ] || run perl fusioninventory-netdiscovery --first "$first" --last "$last" --threads "$BENCH_WORKERS" \
  --timeout "$BENCH_TIMEOUT" --community public

python3 - "$work" "$total" "$silent" "$BENCH_WORKERS" "$BENCH_TIMEOUT" "$BENCH_DEVICES" <<'PY'
import math, sys
work, total, silent, workers, timeout, devices = sys.argv[1], *map(int, sys.argv[2:])
def stats(name):
    wall, rss = open(f"{work}/{name}.time").read().split()[-2:]
    out = open(f"{work}/{name}.out").read()
    # devices identified over SNMP (the Perl agent also reports addresses that only answered its ping)
    return float(wall), int(rss) / 1024, out.count("<SNMPHOSTNAME>")
bound = math.ceil(silent / workers) * timeout
print(f"discovery of 127.20.0.0 ({total} addresses, {devices} answering SNMP, {silent} silent), {workers} workers, {timeout} s time-out")
print(f"lower bound ceil(silent/workers) x timeout = {bound} s")
print(f"{'agent':<30}{'wall s':>8}{'peak RSS MiB':>14}{'SNMP devices':>13}{'wall / bound':>14}")
import os
for name, label in (("java", "glpi-agent (Java) netdiscovery"), ("perl", "fusioninventory-netdiscovery")):
    if not os.path.exists(f"{work}/{name}.time"):
        continue
    w, m, f = stats(name)
    print(f"{label:<30}{w:>8.1f}{m:>14.1f}{f:>13}{w / bound:>14.2f}")
PY
