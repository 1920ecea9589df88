package org.glpiagent.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One named logger: a level looked up once per configuration, records formatted by {@link Backend}. */
final class AgentLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private transient volatile long generation = -1;
  private transient volatile LogLevel level = LogLevel.INFO;

  AgentLogger(String name) {
    this.name = name;
  }

  private LogLevel level() {
    Backend.Config c = Backend.config();
    if (c.generation() != generation) {
      level = c.levelOf(name);
      generation = c.generation();
    }
    return level;
  }

  private boolean enabled(LogLevel wanted) {
    return wanted.compareTo(level()) >= 0 && level() != LogLevel.OFF;
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(LogLevel.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(LogLevel.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(LogLevel.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(LogLevel.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(LogLevel.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level at, Marker marker, String pattern, Object[] args, Throwable thrown) {
    String message = args == null || args.length == 0 ? pattern : MessageFormatter.basicArrayFormat(pattern, args);
    Backend.write(LogLevel.of(at), message, thrown, isDebugEnabled());
  }
}
