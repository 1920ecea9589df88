package org.glpiagent.logging;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Puts a logging configuration in force: a level for every logger, levels for logger-name prefixes
 * ({@code org.glpiagent}, {@code okhttp3}, ...), and the sinks every record goes to. Until the first call,
 * warnings and errors go to stderr.
 */
public final class LogSetup {
  private LogSetup() {}

  /** Replaces the configuration in force; sinks of the previous one that are not passed again are closed. */
  public static void apply(LogLevel root, Map<String, LogLevel> levels, List<LogSink> sinks) {
    Backend.install(root, levels, sinks);
  }

  /** Standard error, as it is when each record is written; one sink however often it is asked for. */
  public static LogSink stderr() {
    return StderrSink.INSTANCE;
  }

  /**
   * A file rotated at {@code maxBytes}, with {@code keep} old files; opened now, so that a file that cannot
   * be written fails here with an {@link IOException} that names it.
   */
  public static LogSink file(Path file, long maxBytes, int keep) throws IOException {
    return new RollingFileSink(file, maxBytes, keep);
  }

  /** Syslog datagrams to {@code localhost:514} with this facility ({@code LOG_USER}, {@code LOCAL0}, ...). */
  public static LogSink syslog(String facility) throws IOException {
    return syslog(facility, new InetSocketAddress("localhost", 514));
  }

  /** Syslog datagrams to this address. */
  public static LogSink syslog(String facility, InetSocketAddress to) throws IOException {
    return new SyslogSink(facility, to, hostname(), ProcessHandle.current().pid());
  }

  private static String hostname() {
    String h = System.getenv("HOSTNAME");
    if (h == null || h.isBlank()) {
      try {
        h = java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        h = "localhost";
      }
    }
    int dot = h.indexOf('.');
    return dot > 0 ? h.substring(0, dot) : h;
  }

  /** Formats one record as the sinks receive it; for tests and for tools that print in the same shape. */
  static String format(java.time.LocalDateTime at, LogLevel level, String target, String task, String message) {
    return Backend.format(at, level, target, task, message, null, false);
  }
}
