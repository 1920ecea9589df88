package org.glpiagent.target;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How one run of a target ended. */
public sealed interface Outcome {
  /** Whether the run did everything it had to. */
  boolean ok();

  /** The run reached the server (or wrote locally); some tasks may have failed. */
  record Completed(List<String> failedTasks) implements Outcome {
    public Completed {
      failedTasks = List.copyOf(failedTasks);
    }

    @Override
    public boolean ok() {
      return failedTasks.isEmpty();
    }
  }

  /** The server asked to come back later ({@code pending}, {@code busy server}); results kept on disk. */
  record ServerPending(Duration retryIn, String why) implements Outcome {
    @Override
    public boolean ok() {
      return false;
    }
  }

  /** The server refused the agent or its message, with its reason. */
  record ServerRejected(String message, Optional<Duration> retryIn) implements Outcome {
    @Override
    public boolean ok() {
      return false;
    }
  }

  /** No usable answer: connection failure, time-out, or an answer in no dialect the agent knows. */
  record NetworkFailure(String reason) implements Outcome {
    @Override
    public boolean ok() {
      return false;
    }
  }

  /**
   * The run itself failed before it could say how it went: the separate process it ran in could not start,
   * or ended without a result (a crash, an out-of-memory, a kill). Retried as after a network failure.
   */
  record RunFailed(String reason) implements Outcome {
    @Override
    public boolean ok() {
      return false;
    }
  }
}
