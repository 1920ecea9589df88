package org.glpiagent.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glpiagent.protocol.Json;
import org.glpiagent.task.WorkItems;

/**
 * What a run in a separate process tells the daemon that started it, one JSON object per line on its standard
 * output: the task it starts ({@code task}), its jobs' progress ({@code work}), and at the end how the run went
 * ({@code result}, with what {@link TargetRunner.Result} holds). A line that is not one of these is an
 * {@link IllegalArgumentException} naming what is wrong.
 */
public final class RunReport {
  private RunReport() {}

  /** One line of the report. */
  public sealed interface Event {}

  /** The run starts this task. */
  public record TaskStarted(String task) implements Event {}

  /** Where the run's jobs are. */
  public record Work(List<WorkItems.Progress> work) implements Event {
    public Work {
      work = List.copyOf(work);
    }
  }

  /** How the run went: the last line. */
  public record Done(TargetRunner.Result result) implements Event {}

  /** The line saying a task starts. */
  public static String task(String task) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("event", "task");
    o.put("task", task);
    return o.toString();
  }

  /** The line saying where the jobs are. */
  public static String work(List<WorkItems.Progress> work) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("event", "work");
    ArrayNode a = o.putArray("work");
    for (WorkItems.Progress p : work) {
      ObjectNode w = a.addObject();
      w.put("job", p.job());
      w.put("total", p.total());
      w.put("done", p.done());
      w.put("failed", p.failed());
      w.put("running", p.running());
      p.failures().forEach(w.putArray("failures")::add);
    }
    return o.toString();
  }

  /** The last line: how the run went. */
  public static String done(TargetRunner.Result r) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("event", "result");
    ObjectNode out = o.putObject("outcome");
    switch (r.outcome()) {
      case Outcome.Completed c -> {
        out.put("type", "completed");
        c.failedTasks().forEach(out.putArray("failedTasks")::add);
      }
      case Outcome.ServerPending p -> {
        out.put("type", "pending");
        out.put("retryIn", p.retryIn().toString());
        out.put("why", p.why());
      }
      case Outcome.ServerRejected j -> {
        out.put("type", "rejected");
        out.put("message", j.message());
        j.retryIn().ifPresent(d -> out.put("retryIn", d.toString()));
      }
      case Outcome.NetworkFailure f -> {
        out.put("type", "network");
        out.put("reason", f.reason());
      }
      case Outcome.RunFailed f -> {
        out.put("type", "failed");
        out.put("reason", f.reason());
      }
    }
    o.put("kind", r.kind().name());
    r.maxDelay().ifPresent(d -> o.put("maxDelay", d.toString()));
    r.tasksContact().ifPresent(t -> o.put("tasksContact", t.toString()));
    return o.toString();
  }

  /** Reads one line of a report. */
  public static Event parse(String line) {
    JsonNode o;
    try {
      o = Json.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON");
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String event = text(o, "event");
    return switch (event) {
      case "task" -> new TaskStarted(text(o, "task"));
      case "work" -> new Work(work(o.get("work")));
      case "result" -> new Done(result(o));
      default -> throw new IllegalArgumentException("unknown event " + quoted(event));
    };
  }

  private static List<WorkItems.Progress> work(JsonNode a) {
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException("work is not a list");
    }
    List<WorkItems.Progress> out = new ArrayList<>();
    for (JsonNode w : a) {
      if (!w.isObject()) {
        throw new IllegalArgumentException("a work item is not an object");
      }
      out.add(new WorkItems.Progress(text(w, "job"), count(w, "total"), count(w, "done"), count(w, "failed"),
          count(w, "running"), strings(w, "failures")));
    }
    return out;
  }

  private static TargetRunner.Result result(JsonNode o) {
    JsonNode out = o.get("outcome");
    if (out == null || !out.isObject()) {
      throw new IllegalArgumentException("a result without an outcome");
    }
    String type = text(out, "type");
    Outcome outcome =
        switch (type) {
          case "completed" -> new Outcome.Completed(strings(out, "failedTasks"));
          case "pending" -> new Outcome.ServerPending(duration(out, "retryIn").orElseThrow(
              () -> new IllegalArgumentException("a pending outcome without retryIn")), text(out, "why"));
          case "rejected" -> new Outcome.ServerRejected(text(out, "message"), duration(out, "retryIn"));
          case "network" -> new Outcome.NetworkFailure(text(out, "reason"));
          case "failed" -> new Outcome.RunFailed(text(out, "reason"));
          default -> throw new IllegalArgumentException("unknown outcome " + quoted(type));
        };
    ServerKind kind;
    try {
      kind = ServerKind.valueOf(text(o, "kind"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown server kind " + quoted(text(o, "kind")));
    }
    Optional<Instant> contact = Optional.empty();
    if (o.hasNonNull("tasksContact")) {
      try {
        contact = Optional.of(Instant.parse(text(o, "tasksContact")));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("tasksContact is not a date");
      }
    }
    return new TargetRunner.Result(outcome, kind, duration(o, "maxDelay"), contact);
  }

  /** An optional list of strings: absent is empty. */
  private static List<String> strings(JsonNode o, String field) {
    List<String> out = new ArrayList<>();
    JsonNode a = o.get(field);
    if (a != null) {
      if (!a.isArray()) {
        throw new IllegalArgumentException(field + " is not a list");
      }
      a.forEach(x -> out.add(x.asText()));
    }
    return out;
  }

  private static Optional<Duration> duration(JsonNode o, String field) {
    if (!o.hasNonNull(field)) {
      return Optional.empty();
    }
    try {
      Duration d = Duration.parse(text(o, field));
      if (d.isNegative()) {
        throw new IllegalArgumentException(field + " is negative");
      }
      return Optional.of(d);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not a duration");
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(field + " is missing or not a string");
    }
    return v.asText();
  }

  private static int count(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
      throw new IllegalArgumentException(field + " is missing or not a count");
    }
    return v.asInt();
  }

  private static String quoted(String s) {
    return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
  }
}
