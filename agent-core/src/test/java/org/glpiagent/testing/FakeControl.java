package org.glpiagent.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.glpiagent.agent.Agent;
import org.glpiagent.agent.AgentControl;
import org.glpiagent.agent.RunLog;

/** A hand-written agent for the port and control tests: two targets, a real run log, requests recorded. */
public final class FakeControl implements AgentControl {
  public final RunLog log;
  public final List<String> asked = new ArrayList<>();
  public final List<String> repaired = new ArrayList<>();
  public int reloads;
  public String status = "waiting";
  public List<org.glpiagent.task.WorkItems.Progress> work = List.of();

  @Override
  public List<org.glpiagent.task.WorkItems.Progress> work() {
    return work;
  }

  public FakeControl(MutableClock clock) {
    log = new RunLog(clock);
  }

  @Override
  public String status() {
    return status;
  }

  @Override
  public List<Agent.TargetView> targets() {
    return List.of(
        new Agent.TargetView("server0", "server", "https://glpi.example.test/", Instant.parse("2026-11-22T11:00:00Z"),
            Optional.empty(), Optional.empty()),
        new Agent.TargetView("local0", "local", "/var/tmp/<inv>", Instant.parse("2026-11-22T12:00:00Z"),
            Optional.of(Instant.parse("2026-11-22T09:00:00Z")), Optional.of("done")));
  }

  @Override
  public RunLog runLog() {
    return log;
  }

  @Override
  public List<RunLog.Run> requestRun(Optional<String> target, RunLog.Trigger trigger) {
    List<RunLog.Run> out = new ArrayList<>();
    for (Agent.TargetView t : targets()) {
      if (target.isEmpty() || t.id().equals(target.get())) {
        asked.add(t.id() + ":" + trigger.wire());
        out.add(log.request(t.id(), trigger));
      }
    }
    if (out.isEmpty()) {
      throw new NoSuchElementException("no target " + target.orElse(""));
    }
    return out;
  }

  @Override
  public Cancel cancel(String runId) {
    Optional<RunLog.Run> r = log.run(runId);
    if (r.isEmpty()) {
      return Cancel.UNKNOWN;
    }
    if (log.cancelPending(runId)) {
      return Cancel.CANCELED;
    }
    if (r.get().state() == RunLog.State.RUNNING) {
      log.end(runId, RunLog.State.CANCELED, "canceled while running");
      return Cancel.STOPPING;
    }
    return Cancel.ALREADY_ENDED;
  }

  @Override
  public void reload() {
    reloads++;
  }

  @Override
  public void repair(String target) {
    if (targets().stream().noneMatch(t -> t.id().equals(target))) {
      throw new NoSuchElementException("no target " + target);
    }
    repaired.add(target);
  }
}
