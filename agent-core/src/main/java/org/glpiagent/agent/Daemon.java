package org.glpiagent.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's scheduler loop: runs each target when it is due, one at a time, and sleeps until the next is
 * due or something wakes it ({@code /now}, SIGUSR1, SIGHUP, SIGTERM).
 *
 * <p>Requests from other threads ({@link #runNow}, {@link #reload}, {@link #stop}) only set a flag and wake
 * the loop; the loop thread alone touches the {@link Agent}. Stopping also interrupts a run in progress.
 */
public final class Daemon {
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
  private volatile boolean now;
  private volatile Thread loopThread;

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
        if (now) {
          now = false;
          agent.runNow();
        }
        agent.runDue();
        if (stop || reload) {
          break;
        }
        Instant until = agent.nextRunDate().isBefore(reloadAt) ? agent.nextRunDate() : reloadAt;
        Duration wait = Duration.between(clock.instant(), until);
        if (!wait.isNegative() && !wait.isZero() && !now) {
          waiter.await(wait.compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : wait);
        }
      }
    } catch (InterruptedException e) {
      if (!stop) {
        log.warn("daemon interrupted");
      }
    } finally {
      Thread.interrupted();
      loopThread = null;
    }
    return reload && !stop ? Exit.RELOAD : Exit.STOPPED;
  }

  /** Asks for every target to run now. */
  public void runNow() {
    now = true;
    waiter.wake();
  }

  /** Asks the loop to end so the configuration can be read again; a run in progress finishes first. */
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
