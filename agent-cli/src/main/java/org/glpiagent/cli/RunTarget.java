package org.glpiagent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.config.ConfigException;
import org.glpiagent.config.ConfigLoader;
import org.glpiagent.target.Outcome;
import org.glpiagent.target.RunReport;
import org.glpiagent.target.ServerKind;
import org.glpiagent.target.Target;
import org.glpiagent.target.TargetRunner;
import org.glpiagent.task.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code glpi-agent run-target ID ADDRESS KIND MODE [agent options]}: one run of one target, in a process a
 * daemon started for it ({@link ChildRuns}). It reads the configuration as the daemon did (the same options and
 * file), runs the target in MODE ({@code forced}, {@code due} or {@code tasks}: the tasks API only) and writes
 * its {@link RunReport} on standard output, the result last. Exit codes: 0 when it could say how the run went,
 * 2 for arguments or a configuration it cannot use. Not meant to be typed by hand.
 */
final class RunTarget {
  private static final Logger log = LoggerFactory.getLogger(RunTarget.class);
  private static final long POLL_MS = 250;

  private RunTarget() {}

  static int run(String[] args, PrintStream out, PrintStream err, Path defaultConf, Path workingDir) {
    if (args.length < 4 || !List.of("forced", "due", "tasks").contains(args[3])) {
      err.println("glpi-agent: run-target needs ID ADDRESS KIND (forced|due|tasks) [options]");
      return 2;
    }
    String id = args[0];
    String address = args[1];
    String mode = args[3];
    ServerKind known;
    try {
      known = ServerKind.valueOf(args[2]);
    } catch (IllegalArgumentException e) {
      err.println("glpi-agent: run-target: unknown server kind " + args[2]);
      return 2;
    }
    AgentConfig config;
    try {
      Map<String, List<String>> given = CommandLineSpec.values(Arrays.copyOfRange(args, 4, args.length));
      config = new ConfigLoader(defaultConf, workingDir).load(given);
    } catch (ArgParser.BadArguments | ConfigException e) {
      err.println("glpi-agent: " + e.getMessage());
      return 2;
    }
    Logging.configure(config);
    // standard output is the report: anything else that would print there goes to standard error
    PrintStream report = out;
    try (AgentProcess p = AgentProcess.build(config, Launch.environment(err))) {
      Optional<Target> target = p.agent().target(id).filter(t -> ChildRuns.address(t).equals(address));
      if (target.isEmpty()) {
        emit(report, RunReport.done(new TargetRunner.Result(new Outcome.RunFailed(
            "the configuration changed since the daemon read it: no target " + id + " for " + address), known,
            Optional.empty())));
        return 0;
      }
      TargetRunner runner = p.runner();
      Thread watcher = Thread.ofPlatform().name("run-report").daemon(true).start(() -> watch(runner, report));
      TargetRunner.Result r;
      try {
        r = mode.equals("tasks") ? runner.runScheduledTasks(target.get(), known)
            : runner.run(target.get(), known, mode.equals("forced"));
      } finally {
        watcher.interrupt();
      }
      try {
        watcher.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      emit(report, RunReport.work(runner.work()));
      emit(report, RunReport.done(r));
      return 0;
    } catch (ConfigException e) {
      err.println("glpi-agent: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      log.error("cannot run target {}: {}", id, e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /** Reports the task and the jobs' progress as they change, until interrupted. */
  private static void watch(TargetRunner runner, PrintStream report) {
    Optional<String> task = Optional.empty();
    List<WorkItems.Progress> work = List.of();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Optional<String> t = runner.currentTask();
        if (t.isPresent() && !t.equals(task)) {
          emit(report, RunReport.task(t.get()));
        }
        task = t;
        List<WorkItems.Progress> w = runner.work();
        if (!w.equals(work)) {
          emit(report, RunReport.work(w));
          work = w;
        }
        Thread.sleep(POLL_MS);
      }
    } catch (InterruptedException e) {
      // the run is over
    }
  }

  private static void emit(PrintStream report, String line) {
    synchronized (report) {
      report.print(line + "\n");
      report.flush();
    }
  }
}
