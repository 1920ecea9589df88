#!/bin/sh
# Builds dist/glpi-agent-<version>-1.<arch>.rpm from packaging/stage.sh's tree (the same files as the .deb,
# with the unit in /usr/lib/systemd/system as Red Hat and SUSE keep it) and packaging/rpm/glpi-agent.spec.in.
# Needs rpmbuild (Debian: apt-get install rpm). Usage: packaging/build-rpm.sh [dest-dir]
set -eu
cd "$(dirname "$0")/.."
dest=${1:-dist}
command -v rpmbuild >/dev/null || { echo "build-rpm: needs rpmbuild (apt-get install rpm / dnf install rpm-build)" >&2; exit 1; }
work=$(pwd)/packaging/target/rpm
rm -rf "$work"
mkdir -p "$work/SPECS" "$work/BUILD" "$work/RPMS" "$dest"
staged=$(sh packaging/stage.sh "$work/staged")
set -- $(printf '%s\n' "$staged" | tail -n 1)
# rpm versions may not hold '-': 0.1.0-SNAPSHOT becomes version 0.1.0, release 0.SNAPSHOT (sorts before 1)
version=${1%%-*}
release=1
case "$1" in *-*) release="0.$(printf '%s' "${1#*-}" | tr -c 'A-Za-z0-9.\n' '.')" ;; esac
case "$2" in arm64) arch=aarch64 ;; *) arch=x86_64 ;; esac
mkdir -p "$work/staged/usr/lib/systemd/system"
mv "$work/staged/lib/systemd/system/glpi-agent.service" "$work/staged/usr/lib/systemd/system/"
rm -rf "$work/staged/lib"
sed -e "s/@VERSION@/$version/" -e "s/@RELEASE@/$release/" -e "s/@ARCH@/$arch/" -e "s|@STAGED@|$work/staged|" \
  packaging/rpm/glpi-agent.spec.in > "$work/SPECS/glpi-agent.spec"
rpmbuild -bb --quiet --define "_topdir $work" --define "_rpmdir $work/RPMS" --target "$arch" \
  "$work/SPECS/glpi-agent.spec" >&2
out=$(ls "$work"/RPMS/*/glpi-agent-*.rpm)
cp "$out" "$dest/"
out="$dest/$(basename "$out")"
echo "$out ($(du -k "$out" | cut -f1) KiB, installed $(du -sk "$work/staged" | cut -f1) KiB)"
