package org.glpiagent.agent;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * What the agent's port and its control command may ask of a running agent: its state, its targets and
 * their runs, runs now, cancels and reloads. Any thread may call it; {@link Daemon} is the one implementation.
 */
public interface AgentControl {
  /** What cancelling a run did. */
  enum Cancel {
    /** it was waiting and will not start */
    CANCELED,
    /** it is running and is being interrupted */
    STOPPING,
    /** it had ended already */
    ALREADY_ENDED,
    /** no such run */
    UNKNOWN
  }

  /** The agent's state as {@code /status} tells it after {@code status: }: {@code waiting}, {@code running task inventory}. */
  String status();

  /** The targets, in order. */
  List<Agent.TargetView> targets();

  /** Where the jobs of the run in progress are (long network jobs' work items); empty when nothing runs. */
  default List<org.glpiagent.task.WorkItems.Progress> work() {
    return List.of();
  }

  /** The runs asked for and done. */
  RunLog runLog();

  /**
   * Asks for a run of one target, or of all when none is named.
   *
   * @throws NoSuchElementException when no target has that id
   */
  List<RunLog.Run> requestRun(Optional<String> target, RunLog.Trigger trigger);

  /** Cancels a run: one waiting does not start, one running is interrupted. */
  Cancel cancel(String runId);

  /** Reads the configuration again; a run in progress finishes first. */
  void reload();

  /**
   * Plans a target afresh, as at a first start, forgetting the back-off of its failures; its state and
   * pending inventories are kept.
   *
   * @throws java.util.NoSuchElementException when no target has that id
   */
  void repair(String target);
}
