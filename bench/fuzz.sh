#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser of outside input (docs/FUZZING.md): each @FuzzTest of the *FuzzTest
# classes runs in fuzzing mode for SECONDS_PER_TARGET seconds (default 60), in a JVM of its own, through Jazzer's
# standalone driver (one fuzz test per JVM is Jazzer's limit). Prints a table; exits 1 on any finding (an uncaught
# exception, a hang past FUZZ_TIMEOUT seconds on one input, an out-of-memory), 2 when a target could not run.
#
# usage: bench/fuzz.sh [SECONDS_PER_TARGET] [FILTER]     FILTER: a regex on "Class#method" (default: all targets)
# env:   FUZZ_JOBS      targets fuzzed at once (default 1; one core each)
#        FUZZ_TIMEOUT   seconds one input may take before it counts as a hang (default 10)
#        FUZZ_XMX       heap of each fuzzing JVM (default 1g): more than a parser needs, less than the machine has
#        FUZZ_SKIP_BUILD=1  use the classes and class paths of the last run
#
# Everything it writes is under target/fuzz/ (the root target/ is ignored by git and never read by `mvn verify`):
# corpus/<target>/ the inputs found (kept, so a later run goes on from there), findings/ the inputs that failed,
# logs/<target>.log Jazzer's output. Seeds are read from src/test/resources/.../<Class>Inputs/<method>/ and never
# written to: a finding reaches the regression suite only when someone copies it there after fixing the parser.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-60}
filter=${2:-}
jobs=${FUZZ_JOBS:-1}
timeout=${FUZZ_TIMEOUT:-10}
xmx=${FUZZ_XMX:-1g}
out=target/fuzz
modules=(agent-core agent-tasks)

# a JDK 21 or newer (the build selects one the same way, through maven-toolchains-plugin)
java_bin=""
best=0
for j in "${JAVA_HOME:-/nonexistent}/bin/java" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
  [ -x "$j" ] || continue
  v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1)
  v=${v%%.*}
  if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best" ]; then best=$v; java_bin=$j; fi
done
[ -n "$java_bin" ] || { echo "fuzz: no JDK 21 or newer found (set JAVA_HOME)" >&2; exit 2; }

if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  echo "fuzz: compiling and resolving the test class paths of ${modules[*]}"
  mvn -B -q -pl "$(IFS=,; echo "${modules[*]}")" -am test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
    -Dmdep.outputFile=target/fuzz.classpath -Dmdep.includeScope=test
fi

# the targets: every method annotated @FuzzTest, as module|class|method
targets=()
for m in "${modules[@]}"; do
  while IFS= read -r f; do
    cls=$(echo "${f#"$m"/src/test/java/}" | sed 's|\.java$||; s|/|.|g')
    for meth in $(awk '/@FuzzTest/ {want=1; next} want && /void [A-Za-z0-9_]+\(/ {match($0, /void [A-Za-z0-9_]+\(/); print substr($0, RSTART+5, RLENGTH-6); want=0}' "$f"); do
      name="${cls##*.}#$meth"
      if [ -z "$filter" ] || [[ "$name" =~ $filter ]]; then targets+=("$m|$cls|$meth"); fi
    done
  done < <(grep -rl --include='*FuzzTest.java' '@FuzzTest' "$m/src/test/java" | sort)
done
[ ${#targets[@]} -gt 0 ] || { echo "fuzz: no target matches '${filter}'" >&2; exit 2; }

mkdir -p "$out/corpus" "$out/findings" "$out/logs" "$out/results"
rm -f "$out"/results/*

run_target() { # module class method
  local m=$1 cls=$2 meth=$3
  local name="${cls##*.}.$meth"
  local corpus="$out/corpus/$name" seeds="$m/src/test/resources/$(echo "$cls" | tr . /)Inputs/$meth"
  local log="$out/logs/$name.log" before after rc=0
  mkdir -p "$corpus"
  before=$(find "$corpus" -type f | wc -l)
  local cp="$m/target/test-classes:$m/target/classes:$(cat "$m/target/fuzz.classpath")"
  local dirs=("$corpus")
  [ -d "$seeds" ] && dirs+=("$seeds")
  local start=$SECONDS
  "$java_bin" --enable-native-access=ALL-UNNAMED -Xmx"$xmx" -cp "$cp" com.code_intelligence.jazzer.Jazzer \
    --target_class="$cls" --target_method="$meth" \
    -max_total_time="$secs" -timeout="$timeout" -artifact_prefix="$out/findings/$name-" "${dirs[@]}" \
    >"$log" 2>&1 || rc=$?
  local took=$((SECONDS - start))
  after=$(find "$corpus" -type f | wc -l)
  local runs findings status
  runs=$(sed -n 's/^Done \([0-9]*\) runs in.*/\1/p' "$log" | tail -1)
  [ -n "$runs" ] || runs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  findings=$(find "$out/findings" -maxdepth 1 -type f -name "$name-*" -newer "$out/results" | wc -l)
  if [ "$rc" = 0 ] && [ "$findings" = 0 ]; then status=ok; elif [ "$findings" -gt 0 ]; then status=FINDING; else status="ERROR(rc=$rc)"; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$took" "${runs:-0}" "$((after - before))" "$findings" "$status" \
    >"$out/results/$name.tsv"
  echo "fuzz: $name: $status after ${took}s"
}

touch "$out/results" # findings newer than this are this run's
echo "fuzz: ${#targets[@]} targets, ${secs}s each, $jobs at once, ${timeout}s per input, heap $xmx, $("$java_bin" -version 2>&1 | head -1)"
running=0
for t in "${targets[@]}"; do
  IFS='|' read -r m cls meth <<<"$t"
  run_target "$m" "$cls" "$meth" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

echo
printf '%-36s %8s %12s %12s %9s  %s\n' target seconds executions new-corpus findings status
failed=0
broken=0
# the same table as tab-separated values with a header, for bench/reliability.sh
summary=target/fuzz-summary.tsv
printf 'target\tseconds\texecutions\tnew-corpus\tfindings\tstatus\n' >"$summary"
for t in "${targets[@]}"; do
  IFS='|' read -r m cls meth <<<"$t"
  name="${cls##*.}.$meth"
  if [ ! -f "$out/results/$name.tsv" ]; then
    printf '%-36s %8s %12s %12s %9s  %s\n' "$name" - - - - "ERROR(no result)"; broken=1
    printf '%s\t-\t-\t-\t-\tERROR(no result)\n' "$name" >>"$summary"
    continue
  fi
  IFS=$'\t' read -r n took runs new findings status <"$out/results/$name.tsv"
  printf '%-36s %8s %12s %12s %9s  %s\n' "$n" "$took" "$runs" "$new" "$findings" "$status"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$took" "$runs" "$new" "$findings" "$status" >>"$summary"
  case $status in ok) ;; FINDING) failed=1 ;; *) broken=1 ;; esac
done

if [ "$failed" = 1 ] || [ "$broken" = 1 ]; then
  echo
  for t in "${targets[@]}"; do
    IFS='|' read -r m cls meth <<<"$t"
    name="${cls##*.}.$meth"
    grep -q $'\tok$' "$out/results/$name.tsv" 2>/dev/null && continue
    echo "=== $name ($m): $out/logs/$name.log"
    grep -avE '^(INFO|WARNING|WARN): |^#[0-9]+|^MS: |^\tat com\.code_intelligence|^OpenJDK|^If you want to keep them|^\[[0-9-]+ [0-9:]+\] \[WARN\]' \
      "$out/logs/$name.log" | head -40 || true
    find "$out/findings" -maxdepth 1 -type f -name "$name-*" -newer "$out/results" | while read -r f; do
      echo "--- input $f ($(wc -c <"$f") bytes), base64:"
      base64 -w0 "$f"; echo
      echo "--- to reproduce: FUZZ_SKIP_BUILD=1 bench/fuzz.sh, or $java_bin -cp \"$m/target/test-classes:$m/target/classes:\$(cat $m/target/fuzz.classpath)\" com.code_intelligence.jazzer.Jazzer --target_class=$cls --target_method=$meth $f"
      echo "--- once fixed, keep it as a regression seed: cp $f $m/src/test/resources/$(echo "$cls" | tr . /)Inputs/$meth/"
    done
  done
fi
[ "$failed" = 0 ] || exit 1
[ "$broken" = 0 ] || exit 2
