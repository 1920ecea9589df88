package org.glpiagent.cli;

import java.time.Duration;
import org.glpiagent.agent.Daemon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns the daemon's POSIX signals into requests to the scheduler loop: SIGHUP reloads the configuration,
 * SIGUSR1 runs every target now, SIGTERM and SIGINT stop (through the one shutdown hook, which waits a few
 * seconds for the loop to finish or abandon its run).
 *
 * <p>The handlers only set flags on the {@link Daemon}; all the work stays on the loop thread.
 */
final class Signals {
  private static final Logger log = LoggerFactory.getLogger(Signals.class);
  /** How long the shutdown hook waits for the loop to end. */
  static final Duration STOP_GRACE = Duration.ofSeconds(8);

  private Signals() {}

  /** Installs the handlers for this daemon; returns the shutdown hook so it can be removed on reload. */
  static Thread install(Daemon daemon, Thread loopThread) {
    handle("HUP", () -> {
      log.info("SIGHUP: reloading the configuration");
      daemon.reload();
    });
    handle("USR1", () -> {
      log.info("SIGUSR1: running every target now");
      daemon.runNow();
    });
    Thread hook =
        new Thread(
            () -> {
              log.info("stopping");
              daemon.stop();
              try {
                loopThread.join(STOP_GRACE.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "glpi-agent-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** Removes the shutdown hook of a loop that ended by itself. */
  static void uninstall(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }

  private static void handle(String name, Runnable action) {
    try {
      Signal.handle(new Signal(name), s -> action.run());
    } catch (IllegalArgumentException e) {
      log.debug("signal {} not available on this system", name);
    }
  }
}
