package org.glpiagent.agent;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.glpiagent.schedule.SchedulePolicy;
import org.glpiagent.schedule.TargetSchedule;
import org.glpiagent.state.StateStore;
import org.glpiagent.target.Outcome;
import org.glpiagent.target.ServerKind;
import org.glpiagent.target.Target;
import org.glpiagent.target.TargetRunner;
import org.glpiagent.target.TargetRuns;
import org.glpiagent.target.TargetState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's targets and their schedules: runs targets, one at a time, and plans their next runs.
 *
 * <p>Not thread-safe: one thread (the foreground command or the daemon loop) drives it; {@link #runNow} may
 * be called from others only through the {@link Daemon}.
 */
public final class Agent {
  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final Map<Target, TargetState> states = new LinkedHashMap<>();
  private final Map<Target, Outcome> lastOutcomes = new LinkedHashMap<>();
  private final Map<Target, Instant> lastRuns = new LinkedHashMap<>();
  private final StateStore vardir;
  private final TargetRuns runner;
  private final Clock clock;
  private final RandomGenerator random;
  private final Duration delaytime;
  private final List<Missed> missed = new ArrayList<>();
  private volatile RunListener listener = RunListener.NONE;
  private volatile List<TargetView> view = List.of();
  private volatile Target current;

  /** Told when a target's run starts and ends, on the thread that runs it. */
  public interface RunListener {
    RunListener NONE = new RunListener() {
      @Override
      public void started(Target t) {}

      @Override
      public void ended(Target t, Outcome o) {}
    };

    void started(Target t);

    void ended(Target t, Outcome o);
  }

  /** A run that was planned while the agent was not running. */
  public record Missed(String target, Instant plannedAt) {}

  /**
   * What the agent's port and control command show of a target, safe to read from any thread.
   *
   * @param kind {@code server} or {@code local}
   * @param address the server's URL or the local folder
   * @param lastOutcome how its last run in this process ended
   */
  public record TargetView(String id, String kind, String address, Instant nextRun, Optional<Instant> lastRun,
      Optional<String> lastOutcome) {}

  public Agent(
      List<Target> targets,
      StateStore vardir,
      TargetRuns runner,
      Clock clock,
      RandomGenerator random,
      Duration delaytime) {
    this.vardir = vardir;
    this.runner = runner;
    this.clock = clock;
    this.random = random;
    this.delaytime = delaytime;
    Instant now = clock.instant();
    for (Target t : targets) {
      states.put(t, load(t, now));
    }
    publish();
  }

  private TargetState load(Target t, Instant now) {
    try {
      Optional<TargetState> saved = TargetState.load(vardir.child(t.storageName()));
      if (saved.isPresent()) {
        TargetSchedule s = saved.get().schedule();
        // a plan older than one full period is stale: start afresh, as glpi-agent drops its initial delay
        if (!s.nextRunDate().isBefore(now.minus(s.maxDelay()))) {
          return saved.get();
        }
        missed.add(new Missed(t.id(), s.nextRunDate()));
        return saved.get().with(SchedulePolicy.initial(now, t.initialDelay(delaytime), s.maxDelay(), random));
      }
    } catch (IOException e) {
      log.error("target {}: {}", t.id(), e.getMessage());
    }
    TargetSchedule s = SchedulePolicy.initial(now, t.initialDelay(delaytime), t.defaultMaxDelay(delaytime), random);
    return new TargetState(s, ServerKind.UNKNOWN);
  }

  /** Sets who is told of runs; one listener at a time. */
  public void listen(RunListener l) {
    listener = l == null ? RunListener.NONE : l;
  }

  /** The runs that were due while the agent was not running, found when it started. */
  public List<Missed> missed() {
    return List.copyOf(missed);
  }

  /** The targets as the port and the control command show them; any thread may call it. */
  public List<TargetView> view() {
    return view;
  }

  /** The target being run, if one is; any thread may call it. */
  public Optional<Target> current() {
    return Optional.ofNullable(current);
  }

  /** The work items of the current run's network jobs, empty when nothing runs; any thread may call it. */
  public List<org.glpiagent.task.WorkItems.Progress> currentWork() {
    return current == null ? List.of() : runner.work();
  }

  /** The task the current run is in, if one is; any thread may call it. */
  public Optional<String> currentTask() {
    return current == null ? Optional.empty() : runner.currentTask();
  }

  private void publish() {
    List<TargetView> v = new ArrayList<>();
    for (Map.Entry<Target, TargetState> e : states.entrySet()) {
      Target t = e.getKey();
      Outcome o = lastOutcomes.get(t);
      String address = switch (t) {
        case Target.Server s -> withoutUserInfo(s.url());
        case Target.Local l -> l.path();
      };
      v.add(new TargetView(t.id(), t instanceof Target.Server ? "server" : "local", address,
          e.getValue().schedule().nextRunDate(), Optional.ofNullable(lastRuns.get(t)),
          Optional.ofNullable(o).map(Agent::describe)));
    }
    view = List.copyOf(v);
  }

  /** A URL as shown to others: without a user name and password written into it. */
  static String withoutUserInfo(java.net.URI u) {
    if (u.getRawUserInfo() == null) {
      return u.toString();
    }
    try {
      return new java.net.URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), null).toString();
    } catch (java.net.URISyntaxException e) {
      return u.getScheme() + "://" + u.getHost();
    }
  }

  /** One line saying how a run ended. */
  public static String describe(Outcome o) {
    return switch (o) {
      case Outcome.Completed c when c.ok() -> "done";
      case Outcome.Completed c -> "done, failed tasks: " + String.join(", ", c.failedTasks());
      case Outcome.ServerPending p -> "server busy: " + p.why();
      case Outcome.ServerRejected r -> "server refused: " + r.message();
      case Outcome.NetworkFailure f -> "network failure: " + f.reason();
      case Outcome.RunFailed f -> "run failed: " + f.reason();
    };
  }

  /** The targets in order. */
  public List<Target> targets() {
    return List.copyOf(states.keySet());
  }

  /** A target's current state. */
  public TargetState state(Target t) {
    return states.get(t);
  }

  /** The outcome of a target's last run in this process, if it ran. */
  public Optional<Outcome> lastOutcome(Target t) {
    return Optional.ofNullable(lastOutcomes.get(t));
  }

  /** Runs every target once, in order; true when all runs were fully successful. */
  public boolean runAll(boolean forced) throws InterruptedException {
    boolean ok = true;
    for (Target t : targets()) {
      ok &= run(t, forced).ok();
    }
    return ok;
  }

  /**
   * Runs the targets that are due now, and asks the tasks API of those whose {@code nextContactTime} has
   * come before their run; true when all of those succeeded.
   */
  public boolean runDue() throws InterruptedException {
    boolean ok = true;
    for (Target t : targets()) {
      TargetState st = states.get(t);
      Instant now = clock.instant();
      if (st.schedule().nextRunDate().isAfter(now.plus(st.schedule().maxDelay().multipliedBy(2)).plus(delaytime))) {
        // no rule plans that far ahead: the clock went back; waiting would skip runs for as long as it jumped
        log.warn("target {}: next run {} is further away than the schedule allows, the clock went back", t.id(), st.schedule().nextRunDate());
        repair(t);
        st = states.get(t);
      }
      if (st.schedule().isDue(now)) {
        ok &= run(t, false).ok();
      } else if (st.tasksContact().filter(c -> !c.isAfter(now)).isPresent()) {
        ok &= runScheduledTasks(t).ok();
      }
    }
    return ok;
  }

  /** The earliest next run or tasks API contact over all targets. */
  public Instant nextRunDate() {
    return states.values().stream()
        .map(s -> s.tasksContact().filter(c -> c.isBefore(s.schedule().nextRunDate())).orElse(s.schedule().nextRunDate()))
        .min(Instant::compareTo).orElse(Instant.MAX);
  }

  /** Asks one target's tasks API and runs its jobs; its run schedule stays as it is. */
  Outcome runScheduledTasks(Target t) throws InterruptedException {
    TargetState before = states.get(t);
    TargetRunner.Result r = running(t, () -> runner.runScheduledTasks(t, before.kind()));
    TargetState after = before.withTasksContact(upcoming(r.tasksContact()));
    states.put(t, after);
    ended(t, r.outcome());
    log.info("target {}: scheduled tasks asked{}", t.id(),
        after.tasksContact().map(c -> ", next at " + c).orElse(""));
    save(t, after);
    return r.outcome();
  }

  /** A {@code nextContactTime} still to come; one in the past (a clock apart from ours) is none. */
  private Optional<Instant> upcoming(Optional<Instant> when) {
    Instant now = clock.instant();
    return when.filter(w -> w.isAfter(now));
  }

  private void save(Target t, TargetState st) {
    try {
      st.save(vardir.child(t.storageName()), t);
    } catch (IOException e) {
      log.error("target {}: cannot save its state: {}", t.id(), e.getMessage());
    }
  }

  /** Makes every target due now (SIGUSR1, {@code /now}). */
  public void runNow() {
    for (Target t : targets()) {
      runNow(t);
    }
  }

  /** Makes one target due now. */
  public void runNow(Target t) {
    states.put(t, states.get(t).with(states.get(t).schedule().dueAt(clock.instant())));
    publish();
  }

  /** Plans a target afresh, as at a first start, without the back-off of its failures. */
  public void repair(Target t) {
    TargetState st = states.get(t);
    TargetState after = st.with(SchedulePolicy.initial(clock.instant(), t.initialDelay(delaytime), st.schedule().maxDelay(), random));
    states.put(t, after);
    save(t, after);
    publish();
    log.info("target {}: planned afresh, next run at {}", t.id(), after.schedule().nextRunDate());
  }

  /** A target by its id ({@code server0}, {@code local0}). */
  public Optional<Target> target(String id) {
    return states.keySet().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  private final java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();

  /** How many target runs this agent has started. */
  public long runsStarted() {
    return runs.get();
  }

  /** Runs one target and records its new schedule. */
  public Outcome run(Target t, boolean forced) throws InterruptedException {
    runs.incrementAndGet();
    TargetState before = states.get(t);
    TargetRunner.Result r = running(t, () -> runner.run(t, before.kind(), forced));
    Instant now = clock.instant();
    TargetSchedule s = before.schedule();
    Duration maxDelay = r.maxDelay().filter(d -> !d.isZero()).orElse(s.maxDelay());
    s = new TargetSchedule(s.nextRunDate(), s.baseRunDate(), maxDelay, s.backoff());
    TargetSchedule next =
        switch (r.outcome()) {
          case Outcome.Completed c -> SchedulePolicy.afterRun(s, now, maxDelay, random);
          case Outcome.ServerPending p -> SchedulePolicy.after(s, now, atLeastOneSecond(p.retryIn()));
          case Outcome.ServerRejected rej ->
              rej.retryIn().isPresent()
                  ? SchedulePolicy.after(s, now, atLeastOneSecond(rej.retryIn().get()))
                  : SchedulePolicy.afterRun(s, now, maxDelay, random);
          case Outcome.NetworkFailure f -> SchedulePolicy.afterNetworkFailure(s, now, delaytime);
          case Outcome.RunFailed f -> SchedulePolicy.afterNetworkFailure(s, now, delaytime);
        };
    TargetState after = new TargetState(next, r.kind(), upcoming(r.tasksContact()));
    states.put(t, after);
    report(t, r.outcome(), next);
    save(t, after);
    ended(t, r.outcome());
    return r.outcome();
  }

  private interface RunBody {
    TargetRunner.Result run() throws InterruptedException;
  }

  private TargetRunner.Result running(Target t, RunBody body) throws InterruptedException {
    current = t;
    lastRuns.put(t, clock.instant());
    listener.started(t);
    try {
      return body.run();
    } finally {
      current = null;
    }
  }

  private void ended(Target t, Outcome o) {
    lastOutcomes.put(t, o);
    publish();
    listener.ended(t, o);
  }

  /**
   * Plans a target's next run after a run of it was canceled (interrupted on request): as after a run
   * done, so that a canceled run is not started again at once.
   */
  public void canceled(Target t) {
    TargetState st = states.get(t);
    TargetSchedule s = st.schedule();
    TargetState after = st.with(SchedulePolicy.afterRun(s, clock.instant(), s.maxDelay(), random));
    states.put(t, after);
    save(t, after);
    publish();
    log.info("target {}: run canceled, next run at {}", t.id(), after.schedule().nextRunDate());
  }

  private static Duration atLeastOneSecond(Duration d) {
    return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
  }

  private static void report(Target t, Outcome o, TargetSchedule next) {
    switch (o) {
      case Outcome.Completed c when c.ok() -> log.info("target {}: run done, next run at {}", t.id(), next.nextRunDate());
      case Outcome.Completed c ->
          log.warn("target {}: run done with failed tasks {}, next run at {}", t.id(), c.failedTasks(), next.nextRunDate());
      case Outcome.ServerPending p ->
          log.warn("target {}: {}; next try at {}", t.id(), p.why(), next.nextRunDate());
      case Outcome.ServerRejected r ->
          log.error("target {}: server refused: {}; next try at {}", t.id(), r.message(), next.nextRunDate());
      case Outcome.NetworkFailure f ->
          log.error("target {}: {}; next try at {}", t.id(), f.reason(), next.nextRunDate());
      case Outcome.RunFailed f ->
          log.error("target {}: run failed: {}; next try at {}", t.id(), f.reason(), next.nextRunDate());
    }
  }

  /** Outcomes of the runs so far, for the exit code of {@code --force}. */
  public List<Outcome> outcomes() {
    return new ArrayList<>(lastOutcomes.values());
  }
}
