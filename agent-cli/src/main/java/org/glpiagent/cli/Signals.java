package org.glpiagent.cli;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.glpiagent.agent.Daemon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns the daemon's POSIX signals into requests to whichever scheduler loop is running: SIGHUP reloads the
 * configuration, SIGUSR1 runs every target now, SIGTERM and SIGINT stop (through the one shutdown hook,
 * installed once for the process, which waits a few seconds for the loop to finish or abandon its run).
 *
 * <p>The handlers only set flags on the current {@link Daemon}; all the work stays on the loop thread. A
 * reload replaces the daemon, never the handlers, so a SIGTERM during a reload is not lost.
 */
final class Signals {
  private static final Logger log = LoggerFactory.getLogger(Signals.class);
  /** How long the shutdown hook waits for the loop to end. */
  static final Duration STOP_GRACE = Duration.ofSeconds(8);

  private final AtomicReference<Daemon> current = new AtomicReference<>();
  private final AtomicBoolean stopping = new AtomicBoolean();

  private Signals() {}

  private static final java.util.concurrent.atomic.AtomicReference<Signals> INSTALLED = new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * What Windows' stop control does (there are no signals there): the same as the shutdown hook, without
   * ending the process, so that the service can report itself stopped once the daemon loop has returned.
   */
  static void stopFromService() {
    Signals s = INSTALLED.get();
    if (s != null) {
      log.info("service stop: stopping");
      s.stopping.set(true);
      s.with(Daemon::stop);
    }
  }

  /** Installs the handlers and the shutdown hook for the daemon loop running on {@code loopThread}. */
  static Signals install(Thread loopThread) {
    Signals s = new Signals();
    INSTALLED.set(s);
    handle("HUP", () -> {
      log.info("SIGHUP: reloading the configuration");
      s.with(Daemon::reload);
    });
    handle("USR1", () -> {
      log.info("SIGUSR1: running every target now");
      s.with(Daemon::runNow);
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping");
      s.stopping.set(true);
      s.with(Daemon::stop);
      try {
        loopThread.join(STOP_GRACE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "glpi-agent-shutdown"));
    return s;
  }

  /** Makes this daemon the one the signals go to; false when the process is already stopping. */
  boolean current(Daemon d) {
    current.set(d);
    if (stopping.get()) {
      d.stop();
      return false;
    }
    return true;
  }

  /** Whether a stop was asked for. */
  boolean stopping() {
    return stopping.get();
  }

  private void with(java.util.function.Consumer<Daemon> action) {
    Daemon d = current.get();
    if (d != null) {
      action.accept(d);
    }
  }

  private static void handle(String name, Runnable action) {
    try {
      Signal.handle(new Signal(name), sig -> action.run());
    } catch (IllegalArgumentException e) {
      log.debug("signal {} not available on this system", name);
    }
  }
}
