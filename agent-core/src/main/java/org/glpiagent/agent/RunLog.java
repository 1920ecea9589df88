package org.glpiagent.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's runs of its targets, asked for and done: what the status page, the REST API and
 * {@code glpi-agent ctl} show. Thread-safe; keeps the last {@link #KEEP} runs.
 *
 * <p>A run is asked for ({@link State#PENDING}) by {@code /now}, the API or the control command, or starts
 * directly when its target's schedule comes; the daemon {@linkplain #start claims} the oldest pending run of
 * a target when it runs it. A run planned while the agent was not running is recorded as
 * {@link State#MISSED}.
 */
public final class RunLog {
  /** How many runs are kept. */
  public static final int KEEP = 200;

  /** Where a run is in its life. */
  public enum State {
    PENDING,
    RUNNING,
    FINISHED,
    FAILED,
    CANCELED,
    MISSED;

    /** The state as the REST API spells it. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the run is over. */
    public boolean ended() {
      return this != PENDING && this != RUNNING;
    }
  }

  /** Who asked for a run. */
  public enum Trigger {
    SCHEDULE,
    NOW,
    API,
    CONTROL,
    SIGNAL;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One run of one target.
   *
   * @param id a number, unique in this process
   * @param result one line: how the run ended, empty until then
   */
  public record Run(
      String id, String target, Trigger trigger, State state, Instant added, Optional<Instant> started,
      Optional<Instant> ended, String result) {
    Run with(State s, Optional<Instant> start, Optional<Instant> end, String why) {
      return new Run(id, target, trigger, s, added, start, end, why);
    }
  }

  private final Clock clock;
  private final Deque<Run> runs = new ArrayDeque<>();
  private long sequence;

  public RunLog(Clock clock) {
    this.clock = clock;
  }

  /** Records a run asked for; it waits until the daemon starts it. */
  public synchronized Run request(String target, Trigger trigger) {
    return add(new Run(next(), target, trigger, State.PENDING, clock.instant(), Optional.empty(), Optional.empty(), ""));
  }

  /** Records that a target's planned run at {@code plannedAt} did not happen because the agent was not running. */
  public synchronized Run missed(String target, Instant plannedAt) {
    return add(new Run(next(), target, Trigger.SCHEDULE, State.MISSED, plannedAt, Optional.empty(), Optional.empty(),
        "the agent was not running at " + plannedAt));
  }

  /** Starts the oldest pending run of the target, or a new one for its schedule. */
  public synchronized Run start(String target) {
    Instant now = clock.instant();
    for (Run r : runs) {
      if (r.target().equals(target) && r.state() == State.PENDING) {
        return replace(r, r.with(State.RUNNING, Optional.of(now), Optional.empty(), ""));
      }
    }
    Run r = new Run(next(), target, Trigger.SCHEDULE, State.RUNNING, now, Optional.of(now), Optional.empty(), "");
    return add(r);
  }

  /** Ends a running run; the other pending runs of its target are done by it too (one run serves them all). */
  public synchronized void end(String id, State state, String result) {
    Instant now = clock.instant();
    List<Run> all = new ArrayList<>(runs);
    for (Run r : all) {
      if (r.id().equals(id) && r.state() == State.RUNNING) {
        replace(r, r.with(state, r.started(), Optional.of(now), result));
        for (Run other : all) {
          if (other.target().equals(r.target()) && other.state() == State.PENDING) {
            replace(other, other.with(state, r.started(), Optional.of(now), result + " (served by run " + id + ")"));
          }
        }
      }
    }
  }

  /** Cancels a pending run; true when it was pending. */
  public synchronized boolean cancelPending(String id) {
    for (Run r : runs) {
      if (r.id().equals(id) && r.state() == State.PENDING) {
        replace(r, r.with(State.CANCELED, Optional.empty(), Optional.of(clock.instant()), "canceled before it started"));
        return true;
      }
    }
    return false;
  }

  /** Whether a target has a run waiting. */
  public synchronized boolean hasPending(String target) {
    return runs.stream().anyMatch(r -> r.target().equals(target) && r.state() == State.PENDING);
  }

  /** A run by id. */
  public synchronized Optional<Run> run(String id) {
    return runs.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The run in progress, if any. */
  public synchronized Optional<Run> running() {
    return runs.stream().filter(r -> r.state() == State.RUNNING).findFirst();
  }

  /** The runs kept, oldest first; those of one target when given. */
  public synchronized List<Run> runs(Optional<String> target) {
    return runs.stream().filter(r -> target.isEmpty() || r.target().equals(target.get())).toList();
  }

  private String next() {
    return Long.toString(++sequence);
  }

  private Run add(Run r) {
    runs.addLast(r);
    while (runs.size() > KEEP) {
      // drop the oldest finished run; pending and running ones stay however many there are
      Iterator<Run> it = runs.iterator();
      boolean dropped = false;
      while (it.hasNext()) {
        if (it.next().state().ended()) {
          it.remove();
          dropped = true;
          break;
        }
      }
      if (!dropped) {
        break;
      }
    }
    return r;
  }

  private Run replace(Run old, Run now) {
    List<Run> copy = new ArrayList<>(runs);
    copy.set(copy.indexOf(old), now);
    runs.clear();
    runs.addAll(copy);
    return now;
  }
}
