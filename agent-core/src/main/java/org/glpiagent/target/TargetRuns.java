package org.glpiagent.target;

import java.util.List;
import java.util.Optional;
import org.glpiagent.task.WorkItems;

/**
 * What runs a target once for the agent: {@link TargetRunner} in this process, or a separate process per run
 * (agent-cli's {@code ChildRuns}) so that a daemon never keeps what a run loaded.
 */
public interface TargetRuns {
  /** Runs the target once. */
  TargetRunner.Result run(Target target, ServerKind known, boolean forced) throws InterruptedException;

  /** Asks a server's tasks API only and runs the jobs it answers. */
  TargetRunner.Result runScheduledTasks(Target target, ServerKind known) throws InterruptedException;

  /** The work items of the last or current run's jobs; any thread may ask. */
  List<WorkItems.Progress> work();

  /** The task running now, if one is; any thread may ask. */
  Optional<String> currentTask();
}
