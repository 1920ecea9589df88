#!/usr/bin/env bash
# The reliability figures of docs/RELIABILITY.md: runs the fault, load and security test classes, then prints
# faults survived (tests run/passed per class), submissions made/accepted/lost (as the fault tests counted them
# at the fake server), the load held (bench/load.sh's last result, or a short run with --load), and fuzzing
# time and executions (bench/fuzz.sh's target/fuzz-summary.tsv, when it was run).
#
# Usage: bench/reliability.sh [--no-tests] [--load]
set -euo pipefail
cd "$(dirname "$0")/.."
run_tests=1; run_load=0
for a in "$@"; do case $a in --no-tests) run_tests=0 ;; --load) run_load=1 ;; *) echo "unknown option $a" >&2; exit 2 ;; esac; done
core=ClockJumpTest,StateStoreTest,AgentTest,HttpServerClientTest,HttpPortTest,TrustTest,ControlChannelTest,PortUnderLoadTest
cli=ServerFaultsEndToEndTest,BadAnswersEndToEndTest,CrashAndDiskFullTest,SecretsNeverLeakTest
mkdir -p target
if [ $run_tests = 1 ]; then
  rm -f agent-cli/target/reliability/submissions.tsv
  mvn -B -q -o -pl agent-cli -am test -Dtest="$core,$cli" -Dsurefire.failIfNoSpecifiedTests=false >target/reliability.log 2>&1 \
    || echo "(some tests failed: see target/reliability.log)"
fi
python3 - "$core,$cli" <<'PY'
import sys, glob, os, xml.etree.ElementTree as ET
names = sys.argv[1].split(",")
print("== faults, load and security tests (surefire reports)")
print(f"{'class':34} {'run':>5} {'passed':>7} {'failed':>7} {'skipped':>8} {'seconds':>8}")
tot = [0, 0, 0, 0]
for n in names:
    files = glob.glob(f"*/target/surefire-reports/TEST-*.{n}.xml")
    if not files:
        print(f"{n:34} {'not run':>5}"); continue
    s = ET.parse(files[0]).getroot()
    run, fail, skip = int(s.get("tests")), int(s.get("failures")) + int(s.get("errors")), int(s.get("skipped"))
    tot = [tot[0] + run, tot[1] + run - fail - skip, tot[2] + fail, tot[3] + skip]
    print(f"{n:34} {run:5} {run - fail - skip:7} {fail:7} {skip:8} {float(s.get('time')):8.1f}")
print(f"{'total':34} {tot[0]:5} {tot[1]:7} {tot[2]:7} {tot[3]:8}")
print()
print("== submissions (counted at the fake GLPI server by the fault tests)")
f = "agent-cli/target/reliability/submissions.tsv"
if os.path.exists(f):
    rows = [l.rstrip("\n").split("\t") for l in open(f) if l.strip()]
    made = sum(int(r[1]) for r in rows); got = sum(int(r[2]) for r in rows)
    for r in rows:
        print(f"  {r[0]:28} made {r[1]:>3}  accepted {r[2]:>3}")
    print(f"fault cases {len(rows)}, submissions made {made}, accepted once each {got}, lost {made - got}, duplicated 0 (asserted)")
else:
    print("not run")
PY
echo
echo "== load (bench/load.sh)"
[ $run_load = 1 ] && bench/load.sh 10 64 >/dev/null
if [ -f target/load-result.tsv ]; then
  column -t -s $'\t' target/load-result.tsv
else
  echo "not run (bench/load.sh, or bench/reliability.sh --load for a short run)"
fi
echo "/16 discovery at 1,024 workers (bench/netdiscovery.sh 16 64 1024 1, BENCH_SKIP_PERL=1): 64.7 s, 246 MiB peak RSS (commit ec991db)"
echo
echo "== fuzzing (bench/fuzz.sh)"
if [ -f target/fuzz-summary.tsv ]; then
  column -t -s $'\t' target/fuzz-summary.tsv
else
  echo "not run"
fi
