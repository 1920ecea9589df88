#!/bin/sh
# Builds dist/glpi-agent_<version>_<arch>.deb from packaging/stage.sh's tree: a trimmed Java runtime
# (jlink) and the agent's jar under /usr/lib/glpi-agent, the commands in /usr/bin, /etc/glpi-agent/agent.cfg
# (a conffile, with conf.d/), the systemd unit, man pages and bash completion. The target machine needs no
# Java. Usage: packaging/build-deb.sh [dest-dir]      (run from anywhere; builds the jar first when missing)
set -eu
cd "$(dirname "$0")/.."
dest=${1:-dist}
work=packaging/target/deb
root=$work/root
rm -rf "$work"
staged=$(sh packaging/stage.sh "$root")
set -- $(printf '%s\n' "$staged" | tail -n 1)
version=$(printf '%s' "$1" | sed 's/-/~/g') arch=$2
mkdir -p "$root/DEBIAN" "$dest"
for s in postinst prerm postrm; do install -m 0755 "packaging/deb/$s" "$root/DEBIAN/$s"; done
echo /etc/glpi-agent/agent.cfg > "$root/DEBIAN/conffiles"
size=$(du -sk "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" packaging/deb/control > "$root/DEBIAN/control"
out="$dest/glpi-agent_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "$out ($(du -k "$out" | cut -f1) KiB, installed ${size} KiB)"
