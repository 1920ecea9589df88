#!/bin/sh
# Man pages and bash completion made from the commands' own --help, so they never disagree with the code.
# Usage: make-docs.sh JAVA JAR MAN-DIR COMPLETION-FILE
set -eu
java=$1 jar=$2 mandir=$3 completion=$4
help() { "$java" -jar "$jar" "$@" --help; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
help > "$tmp/glpi-agent"
help inventory > "$tmp/glpi-inventory"
help netdiscovery > "$tmp/glpi-netdiscovery"
help netinventory > "$tmp/glpi-netinventory"
"$java" -jar "$jar" --version | sed 's/^[^0-9]*//' > "$tmp/version"
python3 - "$tmp" "$mandir" "$completion" <<'PY'
import os, re, sys
tmp, mandir, completion = sys.argv[1:]
version = open(os.path.join(tmp, "version")).read().strip()
def esc(t):
    return t.replace("\\", "\\\\").replace("-", "\\-").replace("'", "\\(aq")
opts_of = {}
for cmd in ["glpi-agent", "glpi-inventory", "glpi-netdiscovery", "glpi-netinventory"]:
    lines = open(os.path.join(tmp, cmd)).read().splitlines()
    usage = lines[0].replace("Usage: ", "").replace("usage: ", "")
    if cmd != "glpi-agent":
        usage = usage.replace("glpi-agent " + cmd.split("-")[1], cmd)
    desc, body, opts = [], [], []
    i = 1
    while i < len(lines) and lines[i].strip():
        desc.append(lines[i].strip()); i += 1
    out = [f'.TH {cmd.upper()} 1 "" "glpi-agent {version}" "User Commands"', ".SH NAME",
           f"{cmd} \\- {esc(desc[0] if desc else cmd)}", ".SH SYNOPSIS", f".B {esc(usage)}", ".SH DESCRIPTION",
           esc(" ".join(desc)), ".SH OPTIONS"]
    for line in lines[i:]:
        m = re.match(r"^  (-\S.*?)\s{2,}(.*)$", line)
        if m:
            out += [".TP", f".B {esc(m.group(1))}", esc(m.group(2))]
            opts += re.findall(r"--[a-z0-9-]+", m.group(1))
        elif line.startswith("   ") and out[-1] != ".TP":
            out[-1] += " " + esc(line.strip())
        elif line.strip():
            out += [".PP", esc(line.strip())]
    out += [".SH SEE ALSO", "glpi-agent(1), glpi-inventory(1), glpi-netdiscovery(1), glpi-netinventory(1)"]
    with open(os.path.join(mandir, cmd + ".1"), "w") as f:
        f.write("\n".join(out) + "\n")
    opts_of[cmd] = sorted(set(opts))
subs = {"inventory": "glpi-inventory", "netdiscovery": "glpi-netdiscovery", "netinventory": "glpi-netinventory"}
ctl = "start stop kill repair status list pull push delete reload restart"
fn = ["# bash completion for glpi-agent and its commands, made from their --help", "_glpi_agent() {",
      '  local cur=${COMP_WORDS[COMP_CWORD]} cmd=${COMP_WORDS[0]##*/} words',
      '  if [ "$cmd" = glpi-agent ] && [ "$COMP_CWORD" -gt 1 ]; then case ${COMP_WORDS[1]} in',
      '    inventory) cmd=glpi-inventory ;; netdiscovery) cmd=glpi-netdiscovery ;; netinventory) cmd=glpi-netinventory ;;',
      f'    ctl) COMPREPLY=($(compgen -W "{ctl}" -- "$cur")); return ;;', "  esac; fi", '  case $cmd in']
for cmd, opts in opts_of.items():
    extra = " inventory netdiscovery netinventory ctl" if cmd == "glpi-agent" else ""
    fn.append(f'    {cmd}) words="{" ".join(opts)}{extra}" ;;')
fn += ["  esac", '  COMPREPLY=($(compgen -W "$words" -- "$cur"))', "}",
       "complete -F _glpi_agent glpi-agent glpi-inventory glpi-netdiscovery glpi-netinventory"]
with open(completion, "w") as f:
    f.write("\n".join(fn) + "\n")
PY
for cmd in glpi-inventory glpi-netdiscovery glpi-netinventory; do
  ln -sf glpi-agent "$(dirname "$completion")/$cmd"
done
gzip -9n "$mandir"/*.1
