package org.glpiagent.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.glpiagent.target.Outcome;
import org.glpiagent.target.Target;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's scheduler loop: runs each target when it is due, one at a time, and sleeps until the next is
 * due or something wakes it ({@code /now}, SIGUSR1, SIGHUP, SIGTERM).
 *
 * <p>Requests from other threads ({@link #runNow}, {@link #requestRun}, {@link #cancel}, {@link #reload},
 * {@link #stop}) only record the request in the {@link RunLog} or set a flag, and wake the loop; the loop
 * thread alone touches the {@link Agent}. Stopping, and canceling the run in progress, interrupt it.
 */
public final class Daemon implements AgentControl {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  /** Why the loop ended. */
  public enum Exit {
    STOPPED,
    RELOAD
  }

  /** How the loop waits; a seam so tests advance a fake clock instead of sleeping. */
  public interface Waiter {
    /** Waits up to {@code max}, or until {@link #wake}. */
    void await(Duration max) throws InterruptedException;

    /** Ends a current or the next wait early. */
    void wake();
  }

  private final Agent agent;
  private final Clock clock;
  private final Waiter waiter;
  private final Duration reloadEvery;
  private volatile boolean stop;
  private volatile boolean reload;
  private volatile Thread loopThread;
  private volatile String cancelling;
  private final RunLog runLog;
  private volatile String runningId;
  private final java.util.concurrent.ConcurrentLinkedQueue<String> repairs = new java.util.concurrent.ConcurrentLinkedQueue<>();

  public Daemon(Agent agent, Clock clock, Waiter waiter) {
    this(agent, clock, waiter, Duration.ZERO);
  }

  /**
   * @param reloadEvery {@code conf-reload-interval}: end the loop for a reload after this long (zero: never)
   */
  public Daemon(Agent agent, Clock clock, Waiter waiter, Duration reloadEvery) {
    this.agent = agent;
    this.clock = clock;
    this.waiter = waiter;
    this.reloadEvery = reloadEvery;
    this.runLog = new RunLog(clock);
    for (Agent.Missed m : agent.missed()) {
      runLog.missed(m.target(), m.plannedAt());
    }
    agent.listen(new Agent.RunListener() {
      @Override
      public void started(Target t) {
        runningId = runLog.start(t.id()).id();
      }

      @Override
      public void ended(Target t, Outcome o) {
        String id = runningId;
        runningId = null;
        if (id != null) {
          boolean ok = o instanceof Outcome.Completed c && c.ok();
          runLog.end(id, ok ? RunLog.State.FINISHED : RunLog.State.FAILED, Agent.describe(o));
        }
      }
    });
  }

  /** Runs until stopped or asked to reload. */
  public Exit loop() {
    loopThread = Thread.currentThread();
    log.info("daemon started, first run at {}", agent.nextRunDate());
    Instant reloadAt = reloadEvery.isZero() ? Instant.MAX : clock.instant().plus(reloadEvery);
    try {
      while (!stop && !reload) {
        if (!clock.instant().isBefore(reloadAt)) {
          log.info("conf-reload-interval reached: reloading the configuration");
          reload = true;
          break;
        }
        for (String r = repairs.poll(); r != null; r = repairs.poll()) {
          agent.target(r).ifPresent(agent::repair);
        }
        try {
          runRequested();
          agent.runDue();
        } catch (InterruptedException e) {
          if (stop || cancelling == null) {
            throw e;
          }
          Thread.interrupted();
          endCanceled("canceled while running");
          continue;
        } catch (RuntimeException e) {
          endCanceled("failed: " + e);
          throw e;
        }
        if (stop || reload) {
          break;
        }
        Instant until = agent.nextRunDate().isBefore(reloadAt) ? agent.nextRunDate() : reloadAt;
        Duration wait = Duration.between(clock.instant(), until);
        if (!wait.isNegative() && !wait.isZero() && !hasRequests() && repairs.isEmpty()) {
          idleAfterRuns(wait);
          waiter.await(wait.compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : wait);
        }
      }
    } catch (InterruptedException e) {
      if (!stop) {
        log.warn("daemon interrupted");
      }
    } finally {
      endCanceled(stop ? "canceled: the agent is stopping" : "interrupted");
      Thread.interrupted();
      loopThread = null;
    }
    return reload && !stop ? Exit.RELOAD : Exit.STOPPED;
  }

  private boolean hasRequests() {
    return runLog.runs(Optional.empty()).stream().anyMatch(r -> r.state() == RunLog.State.PENDING);
  }

  private long compactedAfter = -1;

  /**
   * Before a wait of a minute or more that follows runs, one full collection: with the launcher's
   * {@code -XX:-ShrinkHeapInSteps} the heap gives what a run used back to the system at once, so the daemon
   * idles small between runs instead of at its runs' peak (measured: 71 MiB idle after an inventory run
   * without it, 66 MiB with it). A few milliseconds for a heap of this size, once per batch of runs.
   */
  private void idleAfterRuns(Duration wait) {
    long runs = agent.runsStarted();
    if (runs != compactedAfter && wait.compareTo(Duration.ofMinutes(1)) >= 0) {
      compactedAfter = runs;
      System.gc();
    }
  }

  /** Runs the targets that runs were asked for, oldest request first. */
  private void runRequested() throws InterruptedException {
    for (RunLog.Run r : runLog.runs(Optional.empty())) {
      if (stop || reload) {
        return;
      }
      if (r.state() == RunLog.State.PENDING && runLog.hasPending(r.target())) {
        Optional<Target> t = agent.target(r.target());
        if (t.isPresent()) {
          agent.run(t.get(), false);
        }
      }
    }
  }

  /** Ends the run in progress, if one is, as canceled (interrupted, so its target's plan was not updated). */
  private void endCanceled(String why) {
    String id = runningId;
    runningId = null;
    cancelling = null;
    if (id == null) {
      return;
    }
    RunLog.Run r = runLog.run(id).orElse(null);
    boolean failed = why.startsWith("failed");
    runLog.end(id, failed ? RunLog.State.FAILED : RunLog.State.CANCELED, why);
    if (r != null && !stop) {
      agent.target(r.target()).ifPresent(agent::canceled);
    }
  }

  /** Asks for every target to run now (SIGUSR1). */
  public void runNow() {
    requestRun(Optional.empty(), RunLog.Trigger.SIGNAL);
  }

  @Override
  public List<RunLog.Run> requestRun(Optional<String> target, RunLog.Trigger trigger) {
    List<String> ids = new ArrayList<>();
    for (Agent.TargetView v : agent.view()) {
      if (target.isEmpty() || v.id().equals(target.get())) {
        ids.add(v.id());
      }
    }
    if (ids.isEmpty()) {
      throw new NoSuchElementException("no target " + target.orElse(""));
    }
    List<RunLog.Run> runs = new ArrayList<>();
    for (String id : ids) {
      runs.add(runLog.request(id, trigger));
    }
    waiter.wake();
    return runs;
  }

  @Override
  public Cancel cancel(String runId) {
    Optional<RunLog.Run> r = runLog.run(runId);
    if (r.isEmpty()) {
      return Cancel.UNKNOWN;
    }
    if (runLog.cancelPending(runId)) {
      return Cancel.CANCELED;
    }
    if (r.get().state() == RunLog.State.RUNNING && runId.equals(runningId)) {
      cancelling = runId;
      Thread t = loopThread;
      if (t != null) {
        t.interrupt();
      }
      return Cancel.STOPPING;
    }
    return Cancel.ALREADY_ENDED;
  }

  @Override
  public void repair(String target) {
    if (agent.view().stream().noneMatch(v -> v.id().equals(target))) {
      throw new NoSuchElementException("no target " + target);
    }
    repairs.add(target);
    waiter.wake();
  }

  @Override
  public String status() {
    Optional<String> task = agent.currentTask();
    if (task.isPresent()) {
      return "running task " + task.get();
    }
    return agent.current().map(t -> "running target " + t.id()).orElse("waiting");
  }

  @Override
  public List<org.glpiagent.task.WorkItems.Progress> work() {
    return agent.currentWork();
  }

  @Override
  public List<Agent.TargetView> targets() {
    return agent.view();
  }

  @Override
  public RunLog runLog() {
    return runLog;
  }

  /** Asks the loop to end so the configuration can be read again; a run in progress finishes first. */
  @Override
  public void reload() {
    reload = true;
    waiter.wake();
  }

  /** Asks the loop to end now, interrupting a run in progress. */
  public void stop() {
    stop = true;
    waiter.wake();
    Thread t = loopThread;
    if (t != null) {
      t.interrupt();
    }
  }

  /** The next planned run, for status reports. */
  public Instant nextRunDate() {
    return agent.nextRunDate();
  }

  /** A waiter on the real clock. */
  public static Waiter systemWaiter() {
    return new Waiter() {
      private final ReentrantLock lock = new ReentrantLock();
      private final Condition woken = lock.newCondition();
      private boolean signalled;

      @Override
      public void await(Duration max) throws InterruptedException {
        lock.lock();
        try {
          long nanos = max.toNanos();
          while (!signalled && nanos > 0) {
            nanos = woken.awaitNanos(nanos);
          }
          signalled = false;
        } finally {
          lock.unlock();
        }
      }

      @Override
      public void wake() {
        lock.lock();
        try {
          signalled = true;
          woken.signalAll();
        } finally {
          lock.unlock();
        }
      }
    };
  }
}
