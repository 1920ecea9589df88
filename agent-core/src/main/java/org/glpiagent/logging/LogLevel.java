package org.glpiagent.logging;

import java.util.Locale;

/** A record's severity, from the most to the least verbose; a logger passes records at or above its level. */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR,
  /** No records at all. */
  OFF;

  /** The name as log lines print it: {@code INFO}, {@code WARN}, ... */
  String label() {
    return name();
  }

  /** The syslog severity (RFC 5424): error 3, warning 4, info 6, debug 7. */
  int syslogSeverity() {
    return switch (this) {
      case ERROR, OFF -> 3;
      case WARN -> 4;
      case INFO -> 6;
      case DEBUG, TRACE -> 7;
    };
  }

  static LogLevel of(org.slf4j.event.Level level) {
    return valueOf(level.name().toUpperCase(Locale.ROOT));
  }
}
