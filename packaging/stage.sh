#!/bin/sh
# Stages what every Linux package installs, under a root folder: a trimmed Java runtime (jlink) and the
# agent's jar in /usr/lib/glpi-agent, the commands in /usr/bin, /etc/glpi-agent/agent.cfg with conf.d/,
# the systemd unit (in lib/systemd/system), man pages and bash completion. build-deb.sh and build-rpm.sh
# add their own metadata around it. Prints "VERSION ARCH" (Debian's architecture name) on its last line.
# Usage: packaging/stage.sh ROOT      (from the repository's top; builds the jar first when missing)
set -eu
cd "$(dirname "$0")/.."
root=$1
jar=agent-cli/target/glpi-agent.jar
[ -f "$jar" ] || mvn -B -q -Dstyle.color=never -DskipTests package >&2

# a JDK 21+ with jlink: JAVA_HOME, then the newest under /usr/lib/jvm
jlink=""
for j in "${JAVA_HOME:+$JAVA_HOME/bin/jlink}" $(ls -d /usr/lib/jvm/*/bin/jlink 2>/dev/null | sort -rV); do
  [ -n "$j" ] && [ -x "$j" ] || continue
  v=$("${j%/jlink}/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then jlink=$j; break; fi
done
[ -n "$jlink" ] || { echo "stage: needs a JDK 21+ with jlink" >&2; exit 1; }
jdk=${jlink%/bin/jlink}

version=$("$jdk/bin/java" -jar "$jar" --version | sed 's/^[^0-9]*//')
case "$(uname -m)" in aarch64) arch=arm64 ;; *) arch=amd64 ;; esac
rm -rf "$root"
mkdir -p "$root/usr/lib/glpi-agent/bin" "$root/usr/lib/glpi-agent/lib" "$root/usr/bin" \
  "$root/etc/glpi-agent/conf.d" "$root/lib/systemd/system" "$root/usr/share/man/man1" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/doc/glpi-agent"

# The runtime: the modules the agent uses (jdeps), without java.desktop (only JNA's unused AWT helpers ask
# for it, and it would pull in X11) and java.sql (only Jackson's unused java.sql types).
"$jlink" --add-modules java.base,java.management,java.naming,jdk.httpserver,jdk.unsupported,jdk.crypto.ec \
  --strip-debug --no-header-files --no-man-pages --compress=zip-9 --strip-native-debug-symbols=exclude-debuginfo-files \
  --output "$root/usr/lib/glpi-agent/runtime"

# The jar without what only other systems use: Brotli's libraries for other platforms, JNA and OSHI
# (the Linux inventory reads the system's own files; they serve Windows and macOS only), and
# BouncyCastle's post-quantum algorithms, which the agent does not use. The installed commands are tested
# in .ci/run (a whole inventory, which loads and verifies every collector, a daemon start and stop), which
# would catch a class taken out that Linux needs.
python3 - "$jar" "$root/usr/lib/glpi-agent/lib/glpi-agent.jar" "$arch" <<'PY'
import re, sys, zipfile
src, dst, arch = sys.argv[1:]
keep_brotli = {"amd64": "linux-x86_64", "arm64": "linux-aarch64"}.get(arch, "linux-x86_64")
def wanted(n):
    p = n.split("/")
    if n.startswith(("com/sun/jna/", "oshi/", "META-INF/maven/net.java.dev.jna/", "META-INF/maven/com.github.oshi/")):
        return False
    if re.match(r"lib/[^/]+/[^/]*brotli", n) and p[1] != keep_brotli:
        return False
    return not n.startswith("org/bouncycastle/pqc/")
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
    for i in zin.infolist():
        if wanted(i.filename):
            zout.writestr(i, zin.read(i.filename))
PY

install -m 0755 packaging/bin/glpi-agent "$root/usr/lib/glpi-agent/bin/glpi-agent"
for cmd in glpi-agent:"" glpi-inventory:inventory glpi-netdiscovery:netdiscovery glpi-netinventory:netinventory; do
  name=${cmd%%:*} sub=${cmd#*:}
  printf '#!/bin/sh\nexec /usr/lib/glpi-agent/bin/glpi-agent %s"$@"\n' "${sub:+$sub }" > "$root/usr/bin/$name"
  chmod 0755 "$root/usr/bin/$name"
done
install -m 0644 packaging/etc/agent.cfg "$root/etc/glpi-agent/agent.cfg"
install -m 0644 packaging/systemd/glpi-agent.service "$root/lib/systemd/system/glpi-agent.service"
install -m 0644 README.md docs/HTTPD.md "$root/usr/share/doc/glpi-agent/"
sh packaging/deb/make-docs.sh "$root/usr/lib/glpi-agent/runtime/bin/java" "$root/usr/lib/glpi-agent/lib/glpi-agent.jar" \
  "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions/glpi-agent"

echo "$version $arch"
