package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.config.ConfigLoader;
import org.glpiagent.target.Outcome;
import org.glpiagent.target.RunReport;
import org.glpiagent.target.ServerKind;
import org.glpiagent.target.Target;
import org.glpiagent.target.TargetRunner;
import org.glpiagent.task.WorkItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon's runs in processes of their own, with scripts standing in for the launcher. */
class ChildRunsTest {
  @TempDir Path dir;

  private static final Target SERVER = new Target.Server("server0", URI.create("https://glpi.example.com/"));

  /** A launcher that records its arguments, then runs {@code body}. */
  private ChildRuns launcher(String body) throws Exception {
    Path script = dir.resolve("launcher");
    Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + dir.resolve("args") + "'\n" + body + "\n");
    script.toFile().setExecutable(true);
    return new ChildRuns(List.of(script.toString()), List.of("--daemon", "--no-fork", "--conf-file", "/etc/x.cfg"),
        Duration.ofSeconds(2));
  }

  private static String quote(String line) {
    return "'" + line.replace("'", "'\\''") + "'";
  }

  @Test
  void theRunsResultIsTheChildsAndItGetsTheTargetModeAndTheDaemonsArguments() throws Exception {
    TargetRunner.Result expected = new TargetRunner.Result(new Outcome.ServerPending(Duration.ofMinutes(2), "busy server"),
        ServerKind.GLPI, Optional.of(Duration.ofHours(24)), Optional.of(Instant.parse("2030-01-01T00:00:00Z")));
    ChildRuns runs = launcher("echo " + quote(RunReport.task("inventory")) + "; echo " + quote(RunReport.done(expected)));
    assertThat(runs.run(SERVER, ServerKind.UNKNOWN, true)).isEqualTo(expected);
    assertThat(Files.readAllLines(dir.resolve("args"))).containsExactly("run-target", "server0",
        "https://glpi.example.com/", "UNKNOWN", "forced", "--daemon", "--no-fork", "--conf-file", "/etc/x.cfg");
    runs.runScheduledTasks(SERVER, ServerKind.GLPI);
    assertThat(Files.readAllLines(dir.resolve("args")).subList(3, 5)).containsExactly("GLPI", "tasks");
    runs.run(new Target.Local("local0", "/var/tmp/out"), ServerKind.UNKNOWN, false);
    assertThat(Files.readAllLines(dir.resolve("args")).subList(1, 5)).containsExactly("local0", "/var/tmp/out", "UNKNOWN", "due");
    assertThat(runs.currentTask()).as("no task once the run is over").isEmpty();
  }

  @Test
  void theTaskAndTheProgressShowWhileTheChildRuns() throws Exception {
    List<WorkItems.Progress> work = List.of(new WorkItems.Progress("job 1", 256, 10, 1, 4, List.of("192.0.2.9: timeout")));
    Path go = dir.resolve("go");
    ChildRuns runs = launcher("echo " + quote(RunReport.task("netdiscovery")) + "; echo " + quote(RunReport.work(work))
        + "; while [ ! -e '" + go + "' ]; do sleep 0.05; done; echo "
        + quote(RunReport.done(new TargetRunner.Result(new Outcome.Completed(List.of()), ServerKind.GLPI, Optional.empty()))));
    CompletableFuture<TargetRunner.Result> r = CompletableFuture.supplyAsync(() -> {
      try {
        return runs.run(SERVER, ServerKind.GLPI, false);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (runs.work().isEmpty() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(runs.currentTask()).contains("netdiscovery");
    assertThat(runs.work()).isEqualTo(work);
    Files.createFile(go);
    assertThat(r.get(20, TimeUnit.SECONDS).outcome().ok()).isTrue();
  }

  @Test
  void linesThatAreNotTheReportAreSkippedAndTheResultStillCounts() throws Exception {
    TargetRunner.Result expected = new TargetRunner.Result(new Outcome.Completed(List.of("netinventory")), ServerKind.GLPI, Optional.empty());
    ChildRuns runs = launcher("echo 'Picked up JAVA_TOOL_OPTIONS'; echo '{\"event\":\"boom\"}'; echo '{broken';"
        + " head -c 2000000 /dev/zero | tr '\\0' x; echo; echo " + quote(RunReport.done(expected)) + "; exit 1");
    assertThat(runs.run(SERVER, ServerKind.GLPI, false)).isEqualTo(expected);
  }

  @Test
  void aChildThatEndsWithoutAResultIsAFailedRunNamingItsExitCode() throws Exception {
    ChildRuns runs = launcher("echo " + quote(RunReport.task("inventory")) + "; kill -9 $$");
    TargetRunner.Result r = runs.run(SERVER, ServerKind.LEGACY, false);
    assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.RunFailed.class,
        f -> assertThat(f.reason()).contains("exit code 137").contains("without saying how the run went"));
    assertThat(r.kind()).as("what the server speaks is still known").isEqualTo(ServerKind.LEGACY);
    assertThat(r.outcome().ok()).isFalse();
  }

  @Test
  void aLauncherThatCannotStartIsAFailedRun() throws Exception {
    ChildRuns runs = new ChildRuns(List.of(dir.resolve("missing").toString()), List.of(), Duration.ofSeconds(1));
    assertThat(runs.run(SERVER, ServerKind.GLPI, false).outcome()).isInstanceOfSatisfying(Outcome.RunFailed.class,
        f -> assertThat(f.reason()).startsWith("cannot start its process"));
  }

  @Test
  void aCanceledRunEndsItsProcessAndWhatItStarted() throws Exception {
    Path pids = dir.resolve("pids");
    ChildRuns runs = launcher("sleep 300 & echo $$ $! > '" + pids + "'; wait");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        runs.run(SERVER, ServerKind.GLPI, false);
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    t.start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!(Files.exists(pids) && Files.readString(pids).trim().contains(" ")) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    List<Long> started = java.util.Arrays.stream(Files.readString(pids).trim().split(" ")).map(Long::parseLong).toList();
    t.interrupt();
    t.join(20_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    for (long pid : started) {
      Optional<ProcessHandle> h = ProcessHandle.of(pid);
      if (h.isPresent()) {
        h.get().onExit().get(10, TimeUnit.SECONDS);
      }
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("process %d", pid).isNotEqualTo(Optional.of(true));
    }
  }

  private AgentConfig config(String... args) throws Exception {
    return new ConfigLoader(dir.resolve("none.cfg"), dir).load(CommandLineSpec.values(args));
  }

  @Test
  void runsGoToAProcessOnlyWhenTheLauncherStartedTheDaemonAndNothingNeedsThemInside() throws Exception {
    Map<String, String> launched = Map.of("GLPI_AGENT_LAUNCHER", "/usr/lib/glpi-agent/bin/glpi-agent");
    assertThat(ChildRuns.choose(config("--server", "https://glpi.example.com/"), launched, List.of())).isPresent();
    assertThat(ChildRuns.choose(config("--server", "https://glpi.example.com/"), Map.of(), List.of())).isEmpty();
    assertThat(ChildRuns.choose(config("--server", "https://glpi.example.com/"),
        Map.of("GLPI_AGENT_LAUNCHER", "/x", "GLPI_AGENT_RUNS", "inline"), List.of())).isEmpty();
    assertThat(ChildRuns.choose(config("--local", "-"), launched, List.of())).as("local = - writes to stdout").isEmpty();
    assertThat(ChildRuns.choose(config("--server", "https://glpi.example.com/", "--httpd-proxy", "--register", "yes",
        "--token", "00000000-0000-4000-8000-000000000000"), launched, List.of())).isEmpty();
    assertThat(ChildRuns.choose(config("--server", "https://glpi.example.com/", "--httpd-proxy"), launched, List.of())).isPresent();
  }

  @Test
  void badArgumentsToRunTargetAreRefusedWithExitCode2() {
    var err = new java.io.ByteArrayOutputStream();
    var ps = new java.io.PrintStream(err, true);
    Main m = new Main(ps, ps, dir.resolve("none.cfg"), dir);
    assertThat(m.run(new String[] {"run-target", "server0"})).isEqualTo(2);
    assertThat(m.run(new String[] {"run-target", "server0", "https://x/", "GLPI", "sometimes"})).isEqualTo(2);
    assertThat(m.run(new String[] {"run-target", "server0", "https://x/", "NEW", "due"})).isEqualTo(2);
    assertThat(m.run(new String[] {"run-target", "server0", "https://x/", "GLPI", "due", "--no-such-option"})).isEqualTo(2);
    assertThat(err.toString()).contains("run-target needs").contains("unknown server kind NEW");
  }

  @Test
  void runTargetRunsTheNamedLocalTargetAndReportsItOnStandardOutput() throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    var stdout = new java.io.ByteArrayOutputStream();
    var stderr = new java.io.ByteArrayOutputStream();
    Main m = new Main(new java.io.PrintStream(stdout, true), new java.io.PrintStream(stderr, true), dir.resolve("none.cfg"), dir);
    int code = m.run(new String[] {"run-target", "local0", out.toString(), "UNKNOWN", "forced", "--local", out.toString(),
        "--vardir", dir.resolve("var").toString(), "--tasks", "inventory", "--no-category",
        "software,process,environment,user,controller,usb,memory,storage,drive,network", "--json"});
    assertThat(code).as(stderr.toString()).isZero();
    List<String> lines = stdout.toString().lines().toList();
    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(RunReport.parse(l)).isNotNull());
    assertThat(RunReport.parse(lines.getLast())).isInstanceOfSatisfying(RunReport.Done.class,
        d -> assertThat(d.result().outcome().ok()).isTrue());
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).singleElement().asString().endsWith(".json");
    }
    // a target the configuration no longer has: a failed run that says why, no inventory
    stdout.reset();
    code = m.run(new String[] {"run-target", "local0", "/elsewhere", "UNKNOWN", "forced", "--local", out.toString(),
        "--vardir", dir.resolve("var").toString()});
    assertThat(code).isZero();
    assertThat(RunReport.parse(stdout.toString().strip())).isInstanceOfSatisfying(RunReport.Done.class,
        d -> assertThat(d.result().outcome()).isInstanceOfSatisfying(Outcome.RunFailed.class,
            f -> assertThat(f.reason()).contains("configuration changed")));
  }
}
