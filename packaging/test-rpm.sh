#!/bin/sh
# Builds the .rpm, checks its metadata, files and scriptlets, installs it into a throwaway root with rpm's
# own database there (this machine is Debian: the scriptlets, which call systemctl, are checked for syntax
# and not run), runs the installed commands from that root (the bundled runtime needs nothing of the host
# but the C library), erases it and checks that nothing is left. Needs rpm (rpmbuild); .ci/run installs it.
set -eu
cd "$(dirname "$0")/.."
fail() { echo "test-rpm: FAILED: $*" >&2; exit 1; }
ok() { echo "test-rpm: ok: $*"; }

out=$(sh packaging/build-rpm.sh packaging/target/dist)
out=$(printf '%s\n' "$out" | tail -n 1)
pkg=${out%% (*}
ok "built $out"

[ "$(rpm -qp --qf '%{NAME} %{ARCH}' "$pkg")" = "glpi-agent $(uname -m)" ] || fail "name and architecture"
size=$(rpm -qp --qf '%{SIZE}' "$pkg")
[ "$size" -le 62914560 ] || fail "installed size $size bytes is over 60 MiB"
files=$(rpm -qpl "$pkg")
for f in /usr/bin/glpi-agent /usr/bin/glpi-inventory /usr/bin/glpi-netdiscovery /usr/bin/glpi-netinventory \
  /usr/lib/glpi-agent/runtime/bin/java /usr/lib/glpi-agent/lib/glpi-agent.jar /etc/glpi-agent/agent.cfg \
  /etc/glpi-agent/conf.d /usr/lib/systemd/system/glpi-agent.service /usr/share/man/man1/glpi-agent.1.gz; do
  printf '%s\n' "$files" | grep -qx "$f" || fail "$f is not in the package"
done
rpm -qp --configfiles "$pkg" | grep -qx /etc/glpi-agent/agent.cfg || fail "agent.cfg is not a config file"
rpm -qp --qf '[%{FILENAMES} %{FILEFLAGS:fflags}\n]' "$pkg" | grep -q '^/etc/glpi-agent/agent.cfg cn$' \
  || fail "agent.cfg is not %config(noreplace)"
ok "metadata, $(printf '%s\n' "$files" | wc -l) files, installed size $size bytes, agent.cfg %config(noreplace)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rpm -qp --scripts "$pkg" > "$work/scripts"
for s in postinstall preuninstall postuninstall; do
  awk -v s="$s" '/^[a-z]+ scriptlet/ { on = ($1 == s); next } on' "$work/scripts" > "$work/$s.sh"
  [ -s "$work/$s.sh" ] || fail "no $s scriptlet"
  sh -n "$work/$s.sh" || fail "$s scriptlet syntax"
done
grep -q 'systemctl enable glpi-agent.service' "$work/postinstall.sh" || fail "%post does not enable the service"
grep -q 'systemctl stop glpi-agent.service' "$work/preuninstall.sh" || fail "%preun does not stop the service"
ok "scriptlets present and well-formed"

root="$work/root"
mkdir -p "$root"
# Debian's rpm warns that alien is the way to install rpms on Debian: this is a throwaway root, not Debian's
rpmr() { rpm --root "$root" --dbpath /rpmdb "$@" 2>"$work/rpm.err" || { grep -v -e Alien -e 'know what you are doing' "$work/rpm.err" >&2; return 1; }; }
rpmr --initdb
rpmr -i --nodeps --noscripts "$pkg" || fail "rpm -i"
rpmr -q glpi-agent >/dev/null || fail "not registered as installed"
run="$root/usr/lib/glpi-agent/bin/glpi-agent"
"$run" --version | grep -q '^GLPI-Agent (Java) ' || fail "installed glpi-agent --version"
"$run" --help | grep -q -- '--server' || fail "installed glpi-agent --help"
"$run" --local "$work/out" --json --force --vardir "$work/var" 2>"$work/err" || { cat "$work/err" >&2; fail "--local inventory"; }
python3 - "$work" <<'PY' || fail "the installed agent's inventory"
import glob, json, sys
files = glob.glob(sys.argv[1] + "/out/*.json")
assert len(files) == 1, files
c = json.load(open(files[0]))["content"]
assert c["hardware"]["name"] and c["operatingsystem"]["kernel_name"] and len(c.get("softwares", [])) > 10
PY
ok "--version, --help and a --local inventory from the installed root"

rpmr -e --noscripts glpi-agent || fail "rpm -e"
left=$(cd "$root" && find . -path ./rpmdb -prune -o -type f -print | head -5)
[ -z "$left" ] || fail "files left after rpm -e: $left"
ok "erased cleanly"
