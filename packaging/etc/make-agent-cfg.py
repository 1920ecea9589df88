#!/usr/bin/env python3
"""Writes packaging/etc/agent.cfg from the option registry (agent-core Options.java).

Run after adding an option; SampleConfigTest fails until the sample names every option a file may set.
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]
src = (root / "agent-core/src/main/java/org/glpiagent/config/Options.java").read_text()
out = [
    "# GLPI agent (Java) configuration: key = value, '#' starts a comment.",
    "# Every option of the command line that is not marked command-line only can be set here;",
    "# the command line wins over this file. Lists are comma separated.",
    '# include "conf.d/" reads every *.cfg file of that folder (relative to this file), in name order.',
    "",
]
for line in src.splitlines():
    m = re.match(r'\s*group\("([^"]+)"\);', line)
    if m:
        out += ["", "# --- " + m.group(1)]
        continue
    m = re.match(r'\s*add\("([^"]+)", (null|"[^"]*"), OptionKind\.(\w+), (null|"[^"]*"), "([^"]*)", (true|false), (true|false)\);', line)
    if m:
        name, _short, _kind, default, help_, _secret, cli = m.groups()
        if cli == "true":
            continue
        d = "" if default == "null" else default.strip('"')
        out.append("# " + help_)
        out.append(f"{name} = {d}" if d else f"#{name} =")
# active, as in glpi-agent's own file: the packages' conf.d/ is where local settings and the Windows
# installer's 00-installer.cfg go, and this file is replaced on upgrades
out += ["", "# settings of this machine: put them in conf.d/*.cfg, which upgrades leave alone", 'include "conf.d/"']
(root / "packaging/etc/agent.cfg").write_text("\n".join(out) + "\n")
