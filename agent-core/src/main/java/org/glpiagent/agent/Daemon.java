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
  private volatile boolean stop;
  private volatile boolean reload;
  private volatile boolean now;
  private volatile Thread loopThread;

  public Daemon(Agent agent, Clock clock, Waiter waiter) {
    this.agent = agent;
    this.clock = clock;
    this.waiter = waiter;
  }

  /** Runs until stopped or asked to reload. */
  public Exit loop() {
    loopThread = Thread.currentThread();
    log.info("daemon started, first run at {}", agent.nextRunDate());
    try {
      while (!stop && !reload) {
        if (now) {
          now = false;
          agent.runNow();
        }
        agent.runDue();
        if (stop || reload) {
          break;
        }
        Duration wait = Duration.between(clock.instant(), agent.nextRunDate());
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
