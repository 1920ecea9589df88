package org.glpiagent.logging;

/** Records to the process's standard error, as it is when the record is written (tests may replace it). */
final class StderrSink implements LogSink {
  static final StderrSink INSTANCE = new StderrSink();

  private StderrSink() {}

  @Override
  public void write(LogLevel level, String line) {
    System.err.println(line);
  }
}
