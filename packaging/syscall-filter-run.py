#!/usr/bin/python3
"""Runs a command under the system-call filter of a systemd unit, as systemd would apply it.

Usage: packaging/syscall-filter-run.py UNIT -- COMMAND [ARGS...]

Reads the unit's SystemCallFilter= lines (an allow list, then "~" deny lists) and SystemCallErrorNumber=,
expands the groups with `systemd-analyze syscall-filter`, and loads the same seccomp filter (libseccomp,
Debian's python3-seccomp) before exec'ing COMMAND: a call outside the allowed set fails with the unit's
error number instead of reaching the kernel. It checks on a machine without systemd as PID 1 (a container,
CI) that the JVM and the agent still work under the unit's filter, such as with setrlimit denied.
"""
import errno
import os
import subprocess
import sys

import seccomp


def expand(name, seen):
    if not name.startswith("@"):
        return {name}
    if name in seen:
        return set()
    seen.add(name)
    out = subprocess.run(["systemd-analyze", "syscall-filter", name], check=True, capture_output=True, text=True).stdout
    calls = set()
    for line in out.splitlines()[1:]:
        line = line.strip()
        if line and not line.startswith("#"):
            calls |= expand(line, seen)
    return calls


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    allow, deny, err = None, set(), errno.EPERM
    with open(sys.argv[1]) as unit:
        for line in unit:
            line = line.strip()
            if line.startswith("SystemCallFilter="):
                value = line.split("=", 1)[1]
                invert = value.startswith("~")
                names = set()
                for n in value.lstrip("~").split():
                    names |= expand(n, set())
                if invert:
                    deny |= names
                elif allow is None:
                    allow = names
                else:
                    allow |= names
            elif line.startswith("SystemCallErrorNumber="):
                err = getattr(errno, line.split("=", 1)[1])
    if allow is None:
        sys.exit("no allow list in " + sys.argv[1])
    f = seccomp.SyscallFilter(defaction=seccomp.ERRNO(err))
    allowed = 0
    for name in sorted(allow - deny):
        try:
            f.add_rule(seccomp.ALLOW, name)
            allowed += 1
        except (RuntimeError, ValueError, OSError):
            pass  # not a system call of this architecture
    f.load()
    print("syscall-filter-run: %d calls allowed, %d denied with %s" % (allowed, len(deny & allow), errno.errorcode[err]),
          file=sys.stderr)
    os.execvp(sys.argv[3], sys.argv[3:])


main()
