package org.glpiagent.task;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The work items of the jobs of one run, for the agent's REST API and {@code glpi-agent ctl status}. Thread-safe.
 */
public final class WorkBoard {
  private final List<WorkItems> jobs = new ArrayList<>();

  /** Opens the items of a job. */
  public synchronized WorkItems open(String job, int total, Duration quiet, Clock clock) {
    WorkItems w = new WorkItems(job, total, quiet, clock);
    jobs.add(w);
    return w;
  }

  /** Where each job of the run is. */
  public synchronized List<WorkItems.Progress> progress() {
    List<WorkItems.Progress> out = new ArrayList<>();
    for (WorkItems w : jobs) {
      out.add(w.progress());
    }
    return out;
  }
}
