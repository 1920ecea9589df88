package org.glpiagent.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work items of one long network job (an address to probe, a device to read), as the broker seed keeps
 * them: each started item beats while it makes progress (an SNMP answer came); one silent for longer than
 * {@code quiet} is failed by {@link #sweep} with that reason and its {@code onStuck} is run (the task stops
 * it), so one stuck item never holds the job. Thread-safe.
 */
public final class WorkItems {
  /** Failures kept for display. */
  static final int KEEP_FAILURES = 20;

  /** One item in progress. */
  public interface Item {
    /** It made progress. */
    void beat();

    /** It is done; true when it was still running (not failed by the sweep first). */
    boolean done();

    /** It failed; true when it was still running. */
    boolean fail(String why);
  }

  /**
   * Where the job is.
   *
   * @param failures the last failures, {@code key: reason}
   */
  public record Progress(String job, int total, int done, int failed, int running, List<String> failures) {}

  private final String job;
  private final int total;
  private final Duration quiet;
  private final Clock clock;
  private final Map<Object, Running> running = new LinkedHashMap<>();
  private final Deque<String> failures = new ArrayDeque<>();
  private int done;
  private int failed;

  private final class Running implements Item {
    final String key;
    final Runnable onStuck;
    Instant last;

    Running(String key, Runnable onStuck) {
      this.key = key;
      this.onStuck = onStuck;
      this.last = clock.instant();
    }

    @Override
    public void beat() {
      synchronized (WorkItems.this) {
        last = clock.instant();
      }
    }

    @Override
    public boolean done() {
      synchronized (WorkItems.this) {
        if (running.remove(this) == null) {
          return false;
        }
        done++;
        return true;
      }
    }

    @Override
    public boolean fail(String why) {
      synchronized (WorkItems.this) {
        if (running.remove(this) == null) {
          return false;
        }
        recordFailure(key, why);
        return true;
      }
    }
  }

  public WorkItems(String job, int total, Duration quiet, Clock clock) {
    this.job = job;
    this.total = total;
    this.quiet = quiet;
    this.clock = clock;
  }

  /** Starts an item; {@code onStuck} is run if the sweep fails it. */
  public synchronized Item start(String key, Runnable onStuck) {
    Running r = new Running(key, onStuck);
    running.put(r, r);
    return r;
  }

  /** Fails the items silent for longer than {@code quiet}, runs their {@code onStuck}, and returns their keys. */
  public List<String> sweep() {
    List<Running> stuck = new ArrayList<>();
    synchronized (this) {
      Instant limit = clock.instant().minus(quiet);
      for (Running r : running.values()) {
        if (r.last.isBefore(limit)) {
          stuck.add(r);
        }
      }
      for (Running r : stuck) {
        running.remove(r);
        recordFailure(r.key, "no progress for " + quiet.toSeconds() + " s");
      }
    }
    for (Running r : stuck) {
      r.onStuck.run();
    }
    return stuck.stream().map(r -> r.key).toList();
  }

  private void recordFailure(String key, String why) {
    failed++;
    failures.addLast(key + ": " + why);
    while (failures.size() > KEEP_FAILURES) {
      failures.removeFirst();
    }
  }

  /**
   * Sets how many items are done, for jobs whose items are counted rather than watched one by one (a swept
   * address, bounded by its own time-outs).
   */
  public synchronized void counted(int doneSoFar) {
    done = doneSoFar;
  }

  public synchronized Progress progress() {
    return new Progress(job, total, done, failed, running.size(), List.copyOf(failures));
  }
}
