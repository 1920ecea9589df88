package org.glpiagent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.target.Outcome;
import org.glpiagent.target.RunReport;
import org.glpiagent.target.ServerKind;
import org.glpiagent.target.Target;
import org.glpiagent.target.TargetRunner;
import org.glpiagent.target.TargetRuns;
import org.glpiagent.task.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each of a daemon's target runs in a process of its own, as the Perl daemon forks one: {@code <launcher>
 * run-target ID ADDRESS KIND MODE <the daemon's arguments>} ({@link RunTarget}). The daemon then never holds
 * what a run loaded (collectors, SNMP, parsers: their classes, caches and heap), so it idles at the size it
 * started with, and a run that crashes or runs out of memory does not take the daemon with it. The child
 * reports its task, its jobs' progress and its result on standard output ({@link RunReport}); its standard
 * error is the daemon's, so its log lines go where the daemon's go.
 */
final class ChildRuns implements TargetRuns {
  private static final Logger log = LoggerFactory.getLogger(ChildRuns.class);
  /** The launcher's subcommand for one run. */
  static final String COMMAND = "run-target";
  /** A report line longer than this is dropped (a progress line is a few hundred bytes). */
  static final int MAX_LINE = 1 << 20;

  private final List<String> launcher;
  private final List<String> args;
  private final Duration grace;
  private volatile String currentTask;
  private volatile List<WorkItems.Progress> work = List.of();

  /**
   * @param launcher the command that starts the agent (the launcher script)
   * @param args the daemon's own arguments, given to each run
   * @param grace how long a run that is canceled has to end after SIGTERM before it is killed
   */
  ChildRuns(List<String> launcher, List<String> args, Duration grace) {
    this.launcher = List.copyOf(launcher);
    this.args = List.copyOf(args);
    this.grace = grace;
  }

  /**
   * A process per run when the agent was started by its launcher ({@code GLPI_AGENT_LAUNCHER}), unless
   * {@code GLPI_AGENT_RUNS=inline}, or a run writes to standard output ({@code local = -}: the child's is its
   * report), or proxy mode seals messages with a key a run registers (the key lives in the process that
   * registered).
   */
  static Optional<ChildRuns> choose(AgentConfig config, Map<String, String> env, List<String> args) {
    String launcher = env.getOrDefault("GLPI_AGENT_LAUNCHER", "");
    if (launcher.isBlank() || "inline".equals(env.get("GLPI_AGENT_RUNS"))) {
      return Optional.empty();
    }
    if (config.list("local").contains("-")) {
      log.info("runs stay in the daemon's process: local = - writes to its standard output");
      return Optional.empty();
    }
    if (config.flag("httpd-proxy") && !config.string("register").orElse("no").equals("no")) {
      log.info("runs stay in the daemon's process: proxy mode uses the key a run registers");
      return Optional.empty();
    }
    return Optional.of(new ChildRuns(List.of(launcher), args, Duration.ofSeconds(5)));
  }

  @Override
  public TargetRunner.Result run(Target target, ServerKind known, boolean forced) throws InterruptedException {
    return spawn(target, known, forced ? "forced" : "due");
  }

  @Override
  public TargetRunner.Result runScheduledTasks(Target target, ServerKind known) throws InterruptedException {
    return spawn(target, known, "tasks");
  }

  @Override
  public List<WorkItems.Progress> work() {
    return work;
  }

  @Override
  public Optional<String> currentTask() {
    return Optional.ofNullable(currentTask);
  }

  static String address(Target t) {
    return switch (t) {
      case Target.Server s -> s.url().toString();
      case Target.Local l -> l.path();
    };
  }

  private TargetRunner.Result spawn(Target target, ServerKind known, String mode) throws InterruptedException {
    List<String> cmd = new ArrayList<>(launcher);
    cmd.addAll(List.of(COMMAND, target.id(), address(target), known.name(), mode));
    cmd.addAll(args);
    work = List.of();
    currentTask = null;
    Process p;
    try {
      p = new ProcessBuilder(cmd)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
    } catch (IOException e) {
      return failed(known, "cannot start its process: " + e.getMessage());
    }
    log.debug("target {}: run in process {}", target.id(), p.pid());
    AtomicReference<TargetRunner.Result> result = new AtomicReference<>();
    Thread reader = Thread.ofPlatform().name("run-" + target.id()).daemon(true)
        .start(() -> read(p.getInputStream(), result, target));
    try {
      int code = p.waitFor();
      reader.join();
      TargetRunner.Result r = result.get();
      if (r == null) {
        return failed(known, "its process ended with exit code " + code + " without saying how the run went");
      }
      if (code != 0) {
        log.warn("target {}: the run's process ended with exit code {}", target.id(), code);
      }
      return r;
    } catch (InterruptedException e) {
      stop(p);
      throw e;
    } finally {
      currentTask = null;
    }
  }

  private static TargetRunner.Result failed(ServerKind known, String why) {
    return new TargetRunner.Result(new Outcome.RunFailed(why), known, Optional.empty());
  }

  /** Ends a canceled run: SIGTERM to it and what it started, then a kill after the grace time. */
  private void stop(Process p) {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void read(InputStream in, AtomicReference<TargetRunner.Result> result, Target target) {
    try (in) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean tooLong = false;
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '\n') {
            if (tooLong) {
              log.warn("target {}: a line of the run's report over {} bytes was dropped", target.id(), MAX_LINE);
            } else {
              take(line.toString(StandardCharsets.UTF_8), result, target);
            }
            line.reset();
            tooLong = false;
          } else if (line.size() < MAX_LINE) {
            line.write(b);
          } else {
            tooLong = true;
          }
        }
      }
      if (line.size() > 0 && !tooLong) {
        take(line.toString(StandardCharsets.UTF_8), result, target);
      }
    } catch (IOException e) {
      log.warn("target {}: the run's report could not be read: {}", target.id(), e.getMessage());
    }
  }

  private void take(String line, AtomicReference<TargetRunner.Result> result, Target target) {
    if (line.isBlank()) {
      return;
    }
    try {
      switch (RunReport.parse(line)) {
        case RunReport.TaskStarted t -> currentTask = t.task();
        case RunReport.Work w -> work = w.work();
        case RunReport.Done d -> result.set(d.result());
      }
    } catch (IllegalArgumentException e) {
      log.warn("target {}: the run's process wrote a line that is not part of its report ({}): {}", target.id(),
          e.getMessage(), line.length() > 120 ? line.substring(0, 120) + "..." : line);
    }
  }
}
