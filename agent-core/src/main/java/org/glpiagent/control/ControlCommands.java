package org.glpiagent.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.glpiagent.agent.Agent;
import org.glpiagent.agent.AgentControl;
import org.glpiagent.agent.RunLog;
import org.glpiagent.protocol.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each control command does to the agent; a job is one of its targets ({@code server0}, {@code local0}).
 *
 * <ul>
 *   <li>{@code start JOB}: runs it now ({@code redundant} when it is running);</li>
 *   <li>{@code stop JOB}: interrupts its run in progress; {@code kill JOB} also drops its waiting runs;</li>
 *   <li>{@code repair JOB}: plans it afresh without its failures' back-off;</li>
 *   <li>{@code status [JOB]}: the agent's or the job's state, as JSON in {@code data};</li>
 *   <li>{@code list}: the targets and the pushed job files; {@code pull JOB}: a target's description and runs, or
 *       a pushed job file;</li>
 *   <li>{@code push JOB} with {@code data}: keeps a job file (a tasks document of the task scheduling protocol,
 *       checked by the tasks' parsers) that every run of the targets then runs; {@code delete JOB} removes it;</li>
 *   <li>{@code reload}, {@code restart}: read the configuration again.</li>
 * </ul>
 */
public final class ControlCommands {
  private static final Logger log = LoggerFactory.getLogger(ControlCommands.class);
  private final AgentControl control;
  private final Optional<JobStore> jobs;

  public ControlCommands(AgentControl control) {
    this(control, Optional.empty());
  }

  /** @param jobs where pushed job files are kept; without it push and delete fail */
  public ControlCommands(AgentControl control, Optional<JobStore> jobs) {
    this.control = control;
    this.jobs = jobs;
  }

  /** Answers one request. */
  public ControlMessage answer(ControlMessage request) {
    String command = request.kind();
    if (!ControlMessage.COMMANDS.contains(command)) {
      return ControlMessage.of("invalid");
    }
    Optional<String> job = request.field("job").filter(j -> !j.isBlank());
    boolean needsJob = List.of("start", "stop", "kill", "repair", "pull", "push", "delete").contains(command);
    if (needsJob && job.isEmpty()) {
      return fail(command + " needs a job");
    }
    boolean target = job.isPresent() && control.targets().stream().anyMatch(t -> t.id().equals(job.get()));
    if (job.isPresent() && !target && !List.of("push", "pull", "delete").contains(command)) {
      return fail("Invalid job name.");
    }
    log.info("control: {}{}", command, job.map(j -> " " + j).orElse(""));
    try {
      if (command.equals("push") || command.equals("delete") || (command.equals("pull") && !target)) {
        return jobFile(command, job.get(), target, request.field("data"));
      }
      return switch (command) {
        case "start" -> start(job.get());
        case "stop" -> stop(job.get(), false);
        case "kill" -> stop(job.get(), true);
        case "repair" -> {
          control.repair(job.get());
          yield ControlMessage.of("success");
        }
        case "status" -> ControlMessage.of("status").with("data", json(job.isPresent() ? jobStatus(job.get()) : agentStatus()));
        case "list" -> ControlMessage.of("list").with("list", json(list()));
        case "pull" -> ControlMessage.of("file").with("job", job.get()).with("data", json(jobStatus(job.get())));
        case "reload", "restart" -> {
          control.reload();
          yield ControlMessage.of("success");
        }
        default -> ControlMessage.of("invalid");
      };
    } catch (NoSuchElementException e) {
      return fail("Invalid job name.");
    } catch (java.io.IOException e) {
      log.error("control: {} {}: {}", command, job.orElse(""), e.getMessage());
      return fail(command + " failed: " + e.getMessage());
    }
  }

  /** push, delete and pull of a job file. */
  private ControlMessage jobFile(String command, String job, boolean target, Optional<String> data) throws java.io.IOException {
    if (jobs.isEmpty()) {
      return fail(command + " is not available: this agent keeps no job files");
    }
    if (target) {
      return fail(job + " is a target: targets come from the configuration");
    }
    try {
      switch (command) {
        case "push" -> {
          if (data.isEmpty()) {
            return fail("push needs the job file in data");
          }
          jobs.get().push(job, data.get());
          return ControlMessage.of("success");
        }
        case "delete" -> {
          return jobs.get().delete(job) ? ControlMessage.of("success") : fail("Invalid job name.");
        }
        default -> {
          Optional<String> text = jobs.get().read(job);
          return text.isPresent() ? ControlMessage.of("file").with("job", job).with("data", text.get()) : fail("Invalid job name.");
        }
      }
    } catch (JobStore.Refused e) {
      return fail(e.getMessage());
    }
  }

  private ControlMessage start(String job) {
    if (running(job).isPresent()) {
      return ControlMessage.of("redundant");
    }
    control.requestRun(Optional.of(job), RunLog.Trigger.CONTROL);
    return ControlMessage.of("success");
  }

  private ControlMessage stop(String job, boolean dropWaiting) {
    boolean any = false;
    if (dropWaiting) {
      for (RunLog.Run r : control.runLog().runs(Optional.of(job))) {
        if (r.state() == RunLog.State.PENDING) {
          any |= control.cancel(r.id()) == AgentControl.Cancel.CANCELED;
        }
      }
    }
    Optional<RunLog.Run> r = running(job);
    if (r.isPresent()) {
      any |= control.cancel(r.get().id()) == AgentControl.Cancel.STOPPING;
    }
    return ControlMessage.of(any ? "success" : "redundant");
  }

  private Optional<RunLog.Run> running(String job) {
    return control.runLog().running().filter(r -> r.target().equals(job));
  }

  private ObjectNode agentStatus() {
    ObjectNode o = Json.MAPPER.createObjectNode().put("status", control.status());
    ArrayNode jobs = o.putArray("jobs");
    for (Agent.TargetView t : control.targets()) {
      jobs.add(jobStatus(t.id()));
    }
    return o;
  }

  private ObjectNode jobStatus(String job) {
    Agent.TargetView t = control.targets().stream().filter(v -> v.id().equals(job)).findFirst().orElseThrow();
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("name", t.id()).put("kind", t.kind()).put("address", t.address()).put("next-run", t.nextRun().toString());
    o.put("last-run", t.lastRun().map(Object::toString).orElse(null));
    o.put("last-outcome", t.lastOutcome().orElse(null));
    o.put("state", running(job).isPresent() ? "running" : "waiting");
    if (running(job).isPresent()) {
      o.set("work", Json.MAPPER.valueToTree(control.work()));
    }
    ArrayNode runs = o.putArray("runs");
    for (RunLog.Run r : control.runLog().runs(Optional.of(job))) {
      runs.addObject().put("id", r.id()).put("trigger", r.trigger().wire()).put("state", r.state().wire())
          .put("added", r.added().toString()).put("result", r.result());
    }
    return o;
  }

  private ObjectNode list() throws java.io.IOException {
    ObjectNode o = Json.MAPPER.createObjectNode();
    ArrayNode list = o.putArray("jobs");
    for (Agent.TargetView t : control.targets()) {
      list.addObject().put("name", t.id()).put("kind", "target");
    }
    if (jobs.isPresent()) {
      for (String name : jobs.get().names()) {
        list.addObject().put("name", name).put("kind", "file");
      }
    }
    return o;
  }

  private static ControlMessage fail(String why) {
    return ControlMessage.of("fail").with("error", why);
  }

  private static String json(ObjectNode o) {
    try {
      return Json.MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
