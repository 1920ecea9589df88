#!/usr/bin/env bash
# Network inventory: this agent against FusionInventory's netinventory (Debian's
# fusioninventory-agent-task-network) on the same simulated devices, at the same threads and time-out.
#
# Devices are the recordings Debian's snmpsim package ships (a Catalyst 3750 stack, a ProCurve 2810, a
# Windows XP host), served by one snmpsimd on loopback addresses 127.0.2.x inside a private network namespace
# (unshare -n), where an nftables counter counts the SNMP requests each agent sends. No packet leaves it.
# Each agent reads the devices of one recording per run (each answers only its own community).
#
# Usage (root): bench/netinventory.sh [devices per recording] [threads] [timeout s]   (default 4 4 2)
# Prints, per recording and in total: wall time, peak RSS, SNMP requests, devices read, and a field-by-field
# comparison of what both agents reported.
set -euo pipefail
cd "$(dirname "$0")/.."
per=${1:-4}
threads=${2:-4}
timeout=${3:-2}
if [ "${BENCH_IN_NETNS:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "run as root (network namespace, nftables)" >&2; exit 1; }
  for p in snmpsim nftables fusioninventory-agent-task-network; do
    dpkg -s "$p" >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" >/dev/null; }
  done
  [ -f agent-cli/target/glpi-agent.jar ] || mvn -B -q -DskipTests package
  exec env BENCH_IN_NETNS=1 unshare -n "$0" "$@"
fi

ip link set lo up
work=$(mktemp -d)
chmod 755 "$work"
trap 'kill $(cat "$work/sim.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/cache" "$work/var"
chmod 777 "$work/cache"
ex=/usr/share/doc/snmpsim/examples/data
zcat "$ex/cisco_16_switch.snmprec.gz" > "$work/data/cisco-3750.snmprec"
zcat "$ex/hp_perf.snmprec.gz" > "$work/data/hp-2810.snmprec"
zcat "$ex/recorded/winxp-full-walk.snmprec.gz" > "$work/data/winxp.snmprec"
chmod 644 "$work/data"/*
recordings="cisco-3750 hp-2810 winxp"
endpoints=()
n=0
for r in $recordings; do
  for i in $(seq 1 "$per"); do n=$((n + 1)); endpoints+=("--agent-udpv4-endpoint=127.0.2.$n:161"); done
done
snmpsimd --data-dir="$work/data" --cache-dir="$work/cache" "${endpoints[@]}" --process-user=nobody --process-group=nogroup \
  --logging-method=null > "$work/sim.out" 2>&1 &
echo $! > "$work/sim.pid"
for _ in $(seq 100); do snmpget -v2c -c winxp -t 1 -r 0 127.0.2.1 1.3.6.1.2.1.1.5.0 >/dev/null 2>&1 && break; sleep 0.3; done
nft add table inet bench
nft add chain inet bench out '{ type filter hook output priority 0; }'
nft add rule inet bench out udp dport 161 counter
count() { nft list chain inet bench out | sed -n 's/.*packets \([0-9]*\).*/\1/p' | head -n 1; }

export GLPI_AGENT_CACHE="$work/jcache"
packaging/bin/glpi-agent netinventory --host 127.0.2.1 --community none --timeout 1 --vardir "$work/var" > /dev/null 2>&1 || true
packaging/bin/glpi-agent netinventory --host 127.0.2.1 --community none --timeout 1 --vardir "$work/var" > /dev/null 2>&1 || true
sleep 3 # the launcher builds its start-up cache in the background after the second run

n=0
for r in $recordings; do
  hosts=()
  for i in $(seq 1 "$per"); do n=$((n + 1)); hosts+=(--host "127.0.2.$n"); done
  before=$(count)
  /usr/bin/time -f "%e %M" -o "$work/java-$r.time" packaging/bin/glpi-agent netinventory "${hosts[@]}" --community "$r" \
    --threads "$threads" --timeout "$timeout" --vardir "$work/var" > "$work/java-$r.json" 2> "$work/java-$r.err" || true
  echo "$(( $(count) - before ))" > "$work/java-$r.requests"
  before=$(count)
  /usr/bin/time -f "%e %M" -o "$work/perl-$r.time" fusioninventory-netinventory "${hosts[@]}" --community "$r" \
    --threads "$threads" --timeout "$timeout" > "$work/perl-$r.xml" 2> "$work/perl-$r.err" || true
  echo "$(( $(count) - before ))" > "$work/perl-$r.requests"
done

python3 - "$work" "$per" "$threads" "$timeout" $recordings <<'PY'
import json, re, sys, xml.etree.ElementTree as ET
work, per, threads, timeout, recs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
def java_docs(path):
    text, out, dec, i = open(path).read(), [], json.JSONDecoder(), 0
    while True:
        m = re.compile(r'\S').search(text, i)
        if not m: return out
        doc, i = dec.raw_decode(text, m.start()); out.append(doc)
def perl_docs(path):
    # with several threads the Perl tool's documents on standard output can interleave: a document that does
    # not parse is still a device it read (counted), but gives no fields
    out = []
    for x in re.findall(r'<REQUEST>.*?</REQUEST>', open(path).read(), re.S):
        try:
            out.append(ET.fromstring(x).find('CONTENT/DEVICE'))
        except ET.ParseError:
            out.append(None)
    return out
def j_fields(d):
    c = d['content']; n = c.get('network_device', {}); ports = c.get('network_ports', [])
    return {'name': n.get('name'), 'serial': n.get('serial'), 'model': n.get('model'), 'firmware': n.get('firmware'),
            'mac': n.get('mac'), 'ips': len(n.get('ips', [])), 'cpu': n.get('cpu'), 'ram': n.get('ram'), 'ports': len(ports),
            'ports with VLANs': sum(1 for p in ports if p.get('vlans')), 'trunk ports': sum(1 for p in ports if p.get('trunk')),
            'neighbours': sum(1 for p in ports if p.get('lldp')),
            'MACs behind ports': sum(len(x['mac']) if isinstance(x.get('mac'), list) else 0 for p in ports for x in p.get('connections', [])),
            'components': len(c.get('network_components', []))}
def p_fields(d):
    i = d.find('INFO'); ports = d.findall('PORTS/PORT') if d.find('PORTS') is not None else []
    t = lambda k: (i.findtext(k) if i is not None else None)
    num = lambda v: int(v) if v and v.isdigit() else v
    return {'name': t('NAME'), 'serial': t('SERIAL'), 'model': t('MODEL'), 'firmware': t('FIRMWARE'), 'mac': t('MAC'),
            'ips': len(i.findall('IPS/IP')) if i is not None else 0, 'cpu': num(t('CPU')), 'ram': num(t('RAM')), 'ports': len(ports),
            'ports with VLANs': sum(1 for p in ports if p.find('VLANS') is not None), 'trunk ports': sum(1 for p in ports if p.findtext('TRUNK') == '1'),
            'neighbours': sum(1 for p in ports if p.find('CONNECTIONS/CDP') is not None),
            'MACs behind ports': sum(len(p.findall('CONNECTIONS/CONNECTION/MAC')) for p in ports),
            'components': len(d.findall('COMPONENTS/COMPONENT'))}
print(f"network inventory of {per} simulated devices per recording, {threads} threads, {timeout} s time-out")
print(f"{'recording':<12}{'agent':<8}{'wall s':>8}{'peak MiB':>10}{'requests':>10}{'devices':>9}")
tot = {'java': [0, 0, 0, 0], 'perl': [0, 0, 0, 0]}
diffs = []
for r in recs:
    jd, pd = java_docs(f"{work}/java-{r}.json"), perl_docs(f"{work}/perl-{r}.xml")
    for a, docs in (('java', jd), ('perl', pd)):
        w, m = open(f"{work}/{a}-{r}.time").read().split()[-2:]
        req = int(open(f"{work}/{a}-{r}.requests").read())
        print(f"{r:<12}{a:<8}{float(w):>8.1f}{int(m)/1024:>10.1f}{req:>10}{len(docs):>9}")
        t = tot[a]; t[0] += float(w); t[1] = max(t[1], int(m)/1024); t[2] += req; t[3] += len(docs)
    pd = [d for d in pd if d is not None] or pd
    if jd and pd and pd[0] is not None:
        jf, pf = j_fields(jd[0]), p_fields(pd[0])
        for k in jf:
            diffs.append((r, k, jf[k], pf[k]))
print(f"{'total':<12}{'java':<8}{tot['java'][0]:>8.1f}{tot['java'][1]:>10.1f}{tot['java'][2]:>10}{tot['java'][3]:>9}")
print(f"{'total':<12}{'perl':<8}{tot['perl'][0]:>8.1f}{tot['perl'][1]:>10.1f}{tot['perl'][2]:>10}{tot['perl'][3]:>9}")
if tot['java'][0] > 0 and tot['java'][2] > 0:
    print(f"Perl/Java: wall {tot['perl'][0]/tot['java'][0]:.1f}x, requests {tot['perl'][2]/tot['java'][2]:.1f}x")
print()
print(f"{'recording':<12}{'field':<20}{'Java':>28}{'Perl':>28}")
for r, k, j, p in diffs:
    mark = '' if str(j) == str(p) else '  <- differs'
    print(f"{r:<12}{k:<20}{str(j)[:27]:>28}{str(p)[:27]:>28}{mark}")
PY
