#!/usr/bin/env bash
# Network discovery: this agent against FusionInventory's netdiscovery (Debian's
# fusioninventory-agent-task-network) on the same simulated network, at the same workers and time-out.
#
# The network lives in a private network namespace (unshare -n): its loopback holds the range, one snmpd
# answers on DEVICES addresses, and nftables drops every packet to any other address of the range so they
# stay silent (no SNMP, no ICMP), as absent hosts on a real LAN (plain loopback would answer "port unreachable" at once). No packet leaves the namespace.
#
# Usage (root): bench/netdiscovery.sh [prefix-length] [devices] [workers] [timeout]   (default 22 64 50 1)
# BENCH_SKIP_PERL=1 runs this agent only (for the /16 sweep, which would take the Perl agent hours).
# Prints wall time, peak RSS and devices found for each agent, and the lower bound
# ceil(silent addresses / workers) x timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-22}; devices=${2:-64}; workers=${3:-50}; timeout=${4:-1}
[ "$(id -u)" = 0 ] || { echo "needs root (network namespace, nftables)" >&2; exit 1; }
need=""
for p in snmpd snmp nftables fusioninventory-agent-task-network; do dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"; done
[ -z "$need" ] || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null; }
[ -f agent-cli/target/glpi-agent.jar ] || mvn -B -q -DskipTests package
export BENCH_PREFIX=$prefix BENCH_DEVICES=$devices BENCH_WORKERS=$workers BENCH_TIMEOUT=$timeout BENCH_ROOT=$PWD
exec unshare -n bash "$PWD/bench/netdiscovery-inside.sh"
