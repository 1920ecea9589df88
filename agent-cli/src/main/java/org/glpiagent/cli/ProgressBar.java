package org.glpiagent.cli;

import java.io.PrintStream;
import org.glpiagent.tasks.netdiscovery.NetDiscoveryTask;

/**
 * {@code glpi-agent netdiscovery}'s progress on a terminal: one line on stderr, redrawn at most ten times a
 * second, {@code [#######.............]  1234/4096 addresses  12 devices  0:42}, and a last one at the end.
 */
final class ProgressBar implements NetDiscoveryTask.Progress {
  static final int WIDTH = 30;

  private final PrintStream err;
  private final long started;
  private long drawnAt;
  private boolean drawn;

  ProgressBar(PrintStream err, long startedNanos) {
    this.err = err;
    this.started = startedNanos;
  }

  @Override
  public synchronized void update(long scanned, long total, int found) {
    long now = System.nanoTime();
    if (scanned < total && drawn && now - drawnAt < 100_000_000L) {
      return;
    }
    drawnAt = now;
    drawn = true;
    err.print("\r" + line(scanned, total, found, (now - started) / 1_000_000));
    if (scanned >= total) {
      err.println();
    }
    err.flush();
  }

  /** The line for this much done (pure, for tests). */
  static String line(long scanned, long total, int found, long elapsedMillis) {
    long t = Math.max(1, total);
    int filled = (int) Math.min(WIDTH, scanned * WIDTH / t);
    long s = elapsedMillis / 1000;
    String width = String.valueOf(total);
    return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + String.format("%" + width.length() + "d/%s addresses  %d device%s  %d:%02d", scanned, width, found, found == 1 ? "" : "s", s / 60, s % 60);
  }

  /**
   * Whether standard error is a terminal a person watches (standard output may well be a file). On Linux
   * {@code /proc/self/fd/2} names it; elsewhere {@code System.console()} says whether the process has one.
   */
  static boolean onTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      String err = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
      return err.startsWith("/dev/pts/") || err.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      // no /proc here
    }
    java.io.Console c = System.console();
    if (c == null || System.getenv("TERM") == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: a console exists only on a terminal
    }
  }
}
