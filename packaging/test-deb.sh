#!/bin/sh
# Builds the .deb, installs it on this (Debian) machine, checks the installed commands, the unit and the size,
# then removes and purges it, checking that nothing is left. Run as root (.ci/run does).
set -eu
cd "$(dirname "$0")/.."
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }
ok() { echo "test-deb: ok: $*"; }

out=$(sh packaging/build-deb.sh packaging/target/dist)
out=$(printf '%s\n' "$out" | tail -n 1)
deb=${out%% (*}
ok "built $out"
dpkg -i "$deb" >/dev/null
trap 'dpkg -P glpi-agent >/dev/null 2>&1 || true' EXIT

size=$(dpkg-query -W -f='${Installed-Size}' glpi-agent)
[ "$size" -le 61440 ] || fail "installed size ${size} KiB is over 60 MiB"
ok "installed size ${size} KiB"
[ -f /usr/lib/glpi-agent/runtime/lib/server/classes.jsa ] || fail "postinst made no class-data archive"

glpi-agent --version | grep -q '^GLPI-Agent (Java) ' || fail "glpi-agent --version"
glpi-agent --help | grep -q -- '--server' || fail "glpi-agent --help"
glpi-netdiscovery --help | grep -q -- '--first' || fail "glpi-netdiscovery --help"
glpi-netinventory --help | grep -q -- '--host' || fail "glpi-netinventory --help"
ok "--version and --help of the installed commands"

work=$(mktemp -d)
glpi-agent --local "$work/out" --json --force --vardir "$work/var" 2>"$work/err" || { cat "$work/err" >&2; fail "--local inventory"; }
glpi-inventory --vardir "$work/var" > "$work/inventory.json" 2>>"$work/err" || { cat "$work/err" >&2; fail "glpi-inventory"; }
python3 - "$work" <<'PY' || fail "the installed agent's inventories"
import glob, json, sys
work = sys.argv[1]
files = glob.glob(work + "/out/*.json")
assert len(files) == 1, files
for f in files + [work + "/inventory.json"]:
    c = json.load(open(f))["content"]
    assert c["hardware"]["name"] and c["operatingsystem"]["kernel_name"], f
    assert len(c.get("softwares", [])) > 10 and len(c.get("networks", [])) > 0, f
PY
ok "--local inventory and glpi-inventory from the installed paths"

man -w glpi-agent >/dev/null && man -w glpi-netinventory >/dev/null || fail "man pages"
[ -f /usr/share/bash-completion/completions/glpi-agent ] || fail "bash completion"
bash -c '. /usr/share/bash-completion/completions/glpi-agent && complete -p glpi-inventory' >/dev/null || fail "completion loads"
ok "man pages and completion"

if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /lib/systemd/system/glpi-agent.service || fail "systemd-analyze verify"
  exposure=$(systemd-analyze security --offline=true /lib/systemd/system/glpi-agent.service 2>/dev/null \
    | sed -n 's/.*exposure level for glpi-agent.service: \([0-9.]*\).*/\1/p')
  # 1.9 is as low as a networked root service with a JIT goes: systemd's "SAFE" (under 1.0) needs
  # PrivateNetwork, an IP allow list and no writable executable memory (packaging/README.md)
  awk -v e="$exposure" 'BEGIN { exit !(e != "" && e <= 1.9) }' || fail "systemd-analyze security exposure ${exposure:-?} is over 1.9"
  ok "unit verified, exposure $exposure"
fi
# The unit's system-call filter (it denies @resources, @privileged, ... with EPERM) applied by libseccomp as
# systemd would: the installed JVM starts, makes an inventory, and the daemon starts and stops under it.
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import seccomp' 2>/dev/null && command -v systemd-analyze >/dev/null; then
  filtered="/usr/bin/python3 $(pwd)/packaging/syscall-filter-run.py /lib/systemd/system/glpi-agent.service --"
  $filtered glpi-agent --local "$work/out" --json --force --vardir "$work/var" 2>"$work/err" \
    || { cat "$work/err" >&2; fail "--local inventory under the unit's system-call filter"; }
  # the daemon runs its target at once (forcerun), in a process of its own started through the launcher
  glpi-agent --set-forcerun --vardir "$work/var" >/dev/null
  rm -rf "$work/dout"; mkdir -p "$work/dout"
  timeout -s TERM 30 $filtered glpi-agent --daemon --no-fork --local "$work/dout" --vardir "$work/var" --no-httpd \
    --debug >"$work/daemon.log" 2>&1 &
  filtered_daemon=$!
  for _ in $(seq 50); do grep -q "daemon stopped\|run done" "$work/daemon.log" && break; sleep 0.5; done
  kill -TERM "$(pgrep -f -- "--vardir $work/var --no-httpd" | head -n 1)" 2>/dev/null || true
  wait "$filtered_daemon" || true
  grep -q "daemon started" "$work/daemon.log" && grep -q "daemon stopped" "$work/daemon.log" \
    && grep -q "run in process" "$work/daemon.log" && grep -q "target local0: run done" "$work/daemon.log" \
    && [ -n "$(ls "$work/dout")" ] \
    || { cat "$work/daemon.log" >&2; fail "daemon and its run's process under the unit's system-call filter"; }
  ok "inventory, daemon and its run's process under the unit's system-call filter"
fi

dpkg -r glpi-agent >/dev/null
[ ! -e /usr/lib/glpi-agent ] && [ ! -e /usr/bin/glpi-agent ] && [ ! -e /lib/systemd/system/glpi-agent.service ] \
  || fail "files left after dpkg -r"
[ -f /etc/glpi-agent/agent.cfg ] || fail "agent.cfg should stay until purge"
dpkg -P glpi-agent >/dev/null
[ ! -e /etc/glpi-agent ] && [ ! -e /var/lib/glpi-agent ] && [ ! -e /var/cache/glpi-agent ] || fail "files left after dpkg -P"
trap - EXIT
rm -rf "$work"
ok "removed, then purged, cleanly"
