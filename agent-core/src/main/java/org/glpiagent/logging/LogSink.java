package org.glpiagent.logging;

/**
 * A destination of log records. {@code line} is the formatted record without its end of line; sinks are
 * called under the backend's lock, one record at a time, and never throw.
 */
public interface LogSink extends AutoCloseable {
  void write(LogLevel level, String line);

  @Override
  default void close() {}
}
