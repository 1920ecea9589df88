package org.glpiagent.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.MDC;

/**
 * The configuration in force and the one place records are formatted and written. Loggers read the
 * configuration's generation to notice a new one; writing is serialised by one lock, so a record's line is
 * never interleaved with another's.
 */
final class Backend {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final ReentrantLock WRITE = new ReentrantLock();

  /** Levels by logger-name prefix, the level of any other logger, where records go, and a generation. */
  record Config(LogLevel root, Map<String, LogLevel> levels, List<LogSink> sinks, long generation) {
    LogLevel levelOf(String logger) {
      LogLevel found = root;
      int longest = -1;
      for (Map.Entry<String, LogLevel> e : levels.entrySet()) {
        String p = e.getKey();
        boolean matches = logger.equals(p) || (logger.startsWith(p) && logger.length() > p.length() && logger.charAt(p.length()) == '.');
        if (matches && p.length() > longest) {
          found = e.getValue();
          longest = p.length();
        }
      }
      return found;
    }
  }

  private static volatile Config config = new Config(LogLevel.WARN, Map.of(), List.of(StderrSink.INSTANCE), 0);

  private Backend() {}

  static Config config() {
    return config;
  }

  /** Puts a new configuration in force and closes the sinks of the old one that the new one does not keep. */
  static void install(LogLevel root, Map<String, LogLevel> levels, List<LogSink> sinks) {
    WRITE.lock();
    try {
      Config old = config;
      config = new Config(root, Map.copyOf(levels), List.copyOf(sinks), old.generation() + 1);
      for (LogSink s : old.sinks()) {
        if (!sinks.contains(s)) {
          s.close();
        }
      }
    } finally {
      WRITE.unlock();
    }
  }

  /** Formats a record as {@code [date] [LEVEL] target/task: message} and hands it to every sink. */
  static void write(LogLevel level, String message, Throwable thrown, boolean withStack) {
    String line = format(LocalDateTime.now(), level, MDC.get("target"), MDC.get("task"), message, thrown, withStack);
    WRITE.lock();
    try {
      for (LogSink s : config.sinks()) {
        s.write(level, line);
      }
    } finally {
      WRITE.unlock();
    }
  }

  static String format(LocalDateTime at, LogLevel level, String target, String task, String message, Throwable thrown, boolean withStack) {
    StringBuilder b = new StringBuilder(64 + (message == null ? 0 : message.length()));
    b.append('[').append(TIME.format(at)).append("] [").append(level.label()).append("] ");
    boolean hasTarget = target != null && !target.isEmpty();
    boolean hasTask = task != null && !task.isEmpty();
    if (hasTarget) {
      b.append(target);
    }
    if (hasTarget && hasTask) {
      b.append('/');
    }
    if (hasTask) {
      b.append(task);
    }
    if (hasTarget || hasTask) {
      b.append(": ");
    }
    b.append(message);
    if (thrown != null) {
      b.append(": ").append(thrown);
      if (withStack) {
        StringWriter w = new StringWriter();
        thrown.printStackTrace(new PrintWriter(w));
        b.append(System.lineSeparator()).append(w.toString().stripTrailing());
      }
    }
    return b.toString();
  }
}
