package org.glpiagent.task;

import java.util.Optional;

/**
 * A unit of work the server can ask for, such as {@code inventory} or {@code netdiscovery}.
 *
 * <p>Planning is pure: it reads what the server said and the configuration, validates it, and returns an
 * immutable plan, or nothing when there is nothing to do for this run. Running does the work and hands
 * results to the context's sink; a task never asks which kind of target (server, folder, stdout) it serves.
 *
 * @param <P> the task's plan, an immutable record validated in its constructor
 */
public interface Task<P> {
  /** The name used in {@code tasks}, {@code no-task} and the CONTACT message, lower case. */
  String id();

  /** The task's version, sent to servers that ask for it. */
  String version();

  /** Reads the server's instructions for this run; empty when the task has nothing to do. */
  Optional<P> plan(ServerInstructions instructions, TaskContext context) throws TaskException;

  /** Does the planned work. Stops promptly when interrupted. */
  void run(P plan, TaskContext context) throws TaskException, InterruptedException;

  /**
   * The JSON schema of the job specification this task takes (a job of the task scheduling protocol), shown
   * by the agent's REST API; empty when the task takes none.
   */
  default Optional<String> specSchema() {
    return Optional.empty();
  }

  /**
   * Checks a job specification as {@link #run} would read it, for the REST API's {@code is-valid}.
   *
   * @throws TaskException saying what is wrong
   */
  default void checkSpec(com.fasterxml.jackson.databind.JsonNode spec) throws TaskException {
    throw new TaskException("task " + id() + " takes no job specification");
  }
}
