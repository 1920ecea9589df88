#!/usr/bin/env bash
# Local inventory: this agent against the Perl FusionInventory agent (Debian's fusioninventory-agent) on the
# same machine. Prints median wall time and peak RSS of each over N runs, the ratios, and a field-by-field
# comparison of what both found. Usage: bench/inventory.sh [runs]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -f agent-cli/target/glpi-agent.jar ] || mvn -B -q -DskipTests package
if ! command -v fusioninventory-inventory >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fusioninventory-agent >/dev/null
  else
    echo "fusioninventory-inventory is missing: apt-get install fusioninventory-agent" >&2; exit 1
  fi
fi

measure() { # name, output file, command...
  local name=$1 out=$2; shift 2
  for i in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out" 2>/dev/null
    cat "$work/time" >> "$work/$name.times"
  done
}

# unmeasured runs first: the agent's launcher records what a run loads, then builds its start-up cache from
# it in the background (see packaging/bin/glpi-agent); Perl warms the page cache. The first run's own
# figures are printed, since every installation pays them once.
export GLPI_AGENT_CACHE=$work/cache
/usr/bin/time -f "%e %M" -o "$work/first" packaging/bin/glpi-agent inventory --vardir "$work/var" > /dev/null 2>&1
packaging/bin/glpi-agent inventory --vardir "$work/var" > /dev/null 2>&1
for _ in $(seq 60); do
  pgrep -f 'AOTMode=create' > /dev/null || break
  sleep 0.5
done
fusioninventory-inventory > /dev/null 2>&1
measure java "$work/java.json" packaging/bin/glpi-agent inventory --vardir "$work/var"
measure perl "$work/perl.xml" fusioninventory-inventory

python3 - "$work" "$runs" <<'PY'
import json, statistics, sys, xml.etree.ElementTree as ET
work, runs = sys.argv[1], int(sys.argv[2])
def stats(name):
    rows = [l.split() for l in open(f"{work}/{name}.times") if l.strip()]
    return statistics.median(float(r[0]) for r in rows), statistics.median(int(r[1]) for r in rows) / 1024
jw, jm = stats("java"); pw, pm = stats("perl")
print(f"local inventory, {runs} runs each, medians")
print(f"{'agent':<28}{'wall s':>8}{'peak RSS MiB':>14}")
print(f"{'glpi-agent (Java) inventory':<28}{jw:>8.2f}{jm:>14.1f}")
print(f"{'fusioninventory-inventory':<28}{pw:>8.2f}{pm:>14.1f}")
print(f"ratio Java/Perl: wall {jw/pw:.2f}, memory {jm/pm:.2f}")
fw, fm = open(f"{work}/first").read().split()
print(f"(the agent's very first run, which records its start-up cache: {float(fw):.2f} s, {int(fm)/1024:.1f} MiB)")

j = json.load(open(f"{work}/java.json"))["content"]
p = ET.parse(f"{work}/perl.xml").getroot().find("CONTENT")
def perl_all(tag): return p.findall(tag)
def macs_j(): return sorted({n.get("mac") for n in j.get("networks", []) if n.get("mac")})
def macs_p(): return sorted({n.findtext("MACADDR") for n in perl_all("NETWORKS") if n.findtext("MACADDR")})
rows = [
    ("cpus", len(j.get("cpus", [])), len(perl_all("CPUS"))),
    ("cpu cores", sum(c.get("core", 0) for c in j.get("cpus", [])), sum(int(c.findtext("CORE") or 0) for c in perl_all("CPUS"))),
    ("memory MB", j.get("hardware", {}).get("memory"), int(p.findtext("HARDWARE/MEMORY") or 0)),
    ("memory modules", len(j.get("memories", [])), len(perl_all("MEMORIES"))),
    ("disks", len(j.get("storages", [])), len(perl_all("STORAGES"))),
    ("file systems", len(j.get("drives", [])), len(perl_all("DRIVES"))),
    ("interfaces", len({n["description"] for n in j.get("networks", [])}), len({n.findtext("DESCRIPTION") for n in perl_all("NETWORKS")})),
    ("MAC addresses", " ".join(macs_j()) or "-", " ".join(macs_p()) or "-"),
    ("IPv4 addresses", len([n for n in j.get("networks", []) if n.get("ipaddress")]), len([n for n in perl_all("NETWORKS") if n.findtext("IPADDRESS")])),
    ("software packages", len(j.get("softwares", [])), len(perl_all("SOFTWARES"))),
    ("processes", len(j.get("processes", [])), len(perl_all("PROCESSES"))),
    ("local users", len(j.get("local_users", [])), len(perl_all("LOCAL_USERS"))),
    ("local groups", len(j.get("local_groups", [])), len(perl_all("LOCAL_GROUPS"))),
    ("controllers", len(j.get("controllers", [])), len(perl_all("CONTROLLERS"))),
    ("usb devices", len(j.get("usbdevices", [])), len(perl_all("USBDEVICES"))),
    ("environment", len(j.get("envs", [])), len(perl_all("ENVS"))),
    ("os name", j.get("operatingsystem", {}).get("full_name"), p.findtext("OPERATINGSYSTEM/FULL_NAME")),
    ("kernel", j.get("operatingsystem", {}).get("kernel_version"), p.findtext("OPERATINGSYSTEM/KERNEL_VERSION")),
    ("vmsystem", j.get("hardware", {}).get("vmsystem"), p.findtext("HARDWARE/VMSYSTEM")),
]
print()
print(f"{'field':<20}{'Java':>40}  {'Perl':>40}")
for name, a, b in rows:
    mark = "" if str(a) == str(b) else "  <- differs"
    print(f"{name:<20}{str(a):>40}  {str(b):>40}{mark}")
j_names = {s["name"] for s in j.get("softwares", [])}
p_names = {s.findtext("NAME") for s in perl_all("SOFTWARES")}
print(f"\nsoftware only the Perl agent found ({len(p_names - j_names)}):", ", ".join(sorted(p_names - j_names)[:15]))
print(f"software only this agent found ({len(j_names - p_names)}):", ", ".join(sorted(j_names - p_names)[:15]))
PY
