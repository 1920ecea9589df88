package org.glpiagent.task;

import java.nio.file.Path;
import java.time.Clock;
import org.glpiagent.config.AgentConfig;

/**
 * What a running task may use: its configuration, the clock, where results go and where to keep state.
 *
 * @param config the configuration for this run, with the server's per-run overrides applied
 * @param clock the clock; tasks never read the system time directly
 * @param sink where results are delivered
 * @param storageDir a folder of this target's own, for state a task keeps between runs
 * @param deviceId the agent's {@code deviceid}
 * @param tag the configured {@code tag}, or empty
 * @param board where long jobs show their work items
 */
public record TaskContext(
    AgentConfig config, Clock clock, ResultSink sink, Path storageDir, String deviceId, String tag, WorkBoard board) {
  /** A context whose work items nobody watches. */
  public TaskContext(AgentConfig config, Clock clock, ResultSink sink, Path storageDir, String deviceId, String tag) {
    this(config, clock, sink, storageDir, deviceId, tag, new WorkBoard());
  }
}
