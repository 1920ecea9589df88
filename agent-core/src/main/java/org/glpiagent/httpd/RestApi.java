package org.glpiagent.httpd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.glpiagent.agent.Agent;
import org.glpiagent.agent.AgentControl;
import org.glpiagent.agent.RunLog;
import org.glpiagent.protocol.Json;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskException;

/**
 * The REST API under {@code /api}, in the shape of pScheduler's: {@code tasks} are the installed tasks (its
 * tests), {@code jobs} the agent's targets (its tasks) and their {@code runs}. See docs/HTTPD.md.
 *
 * <p>Reading is for trusted callers; writing (asking for a run, cancelling one) needs {@code api-token} as a
 * bearer token as well.
 */
final class RestApi {
  /** The highest API version spoken. */
  static final int VERSION = 1;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final HttpPort.Settings settings;
  private final AgentControl control;
  private final List<Task<?>> tasks;

  RestApi(HttpPort.Settings settings, AgentControl control, List<Task<?>> tasks) {
    this.settings = settings;
    this.control = control;
    this.tasks = List.copyOf(tasks);
  }

  /** Answers a request; {@code path} is what follows {@code /api}. */
  void handle(HttpPort.Request r, String path) throws IOException {
    Map<String, String> q = r.query();
    boolean pretty = q.containsKey("pretty");
    if (!r.trusted()) {
      error(r, 403, "Access denied", pretty);
      return;
    }
    if (q.containsKey("api")) {
      int v;
      try {
        v = Integer.parseInt(q.get("api"));
      } catch (NumberFormatException e) {
        error(r, 400, "api must be a whole number", pretty);
        return;
      }
      if (v < 1 || v > VERSION) {
        error(r, 400, "this agent speaks API 1 to " + VERSION + ", not " + v, pretty);
        return;
      }
    }
    String[] p = path.replaceAll("/+$", "").replaceFirst("^/", "").split("/", -1);
    String base = "http://" + Optional.ofNullable(r.exchange().getRequestHeaders().getFirst("Host"))
        .filter(h -> h.matches("[A-Za-z0-9.:\\[\\]-]+")).orElse(settings.hostname()) + "/api";
    boolean expanded = q.containsKey("expanded");
    String method = r.method();
    if (p.length == 1 && p[0].isEmpty()) {
      get(r, method, pretty, F.textNode("This is the GLPI agent API on " + settings.hostname() + "."));
    } else if (p.length == 1 && p[0].equals("api")) {
      get(r, method, pretty, F.numberNode(VERSION));
    } else if (p.length == 1 && p[0].equals("hostname")) {
      get(r, method, pretty, F.textNode(settings.hostname()));
    } else if (p.length == 1 && p[0].equals("clock")) {
      get(r, method, pretty, clock());
    } else if (p[0].equals("tasks")) {
      tasks(r, method, pretty, p, base, expanded, q);
    } else if (p[0].equals("jobs")) {
      jobs(r, method, pretty, p, base, expanded);
    } else {
      error(r, 404, "no such resource: /api" + path, pretty);
    }
  }

  private ObjectNode clock() {
    ClockSync s = settings.clockSync().get();
    ObjectNode o = F.objectNode();
    o.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(settings.clock().instant().atZone(ZoneId.systemDefault())));
    o.put("synchronized", s.synchronizedClock());
    s.source().ifPresent(v -> o.put("source", v));
    s.reference().ifPresent(v -> o.put("reference", v));
    if (s.synchronizedClock()) {
      o.put("offset", 0.0);
    }
    return o;
  }

  private void tasks(HttpPort.Request r, String method, boolean pretty, String[] p, String base, boolean expanded,
      Map<String, String> q) throws IOException {
    if (p.length == 1) {
      ArrayNode a = F.arrayNode();
      for (Task<?> t : tasks) {
        if (expanded) {
          a.add(task(t, base));
        } else {
          a.add(base + "/tasks/" + t.id());
        }
      }
      get(r, method, pretty, a);
      return;
    }
    Optional<Task<?>> t = tasks.stream().filter(x -> x.id().equals(p[1])).findFirst();
    if (t.isEmpty()) {
      error(r, 404, "no such task: " + p[1], pretty);
    } else if (p.length == 2) {
      get(r, method, pretty, task(t.get(), base));
    } else if (p.length == 4 && p[2].equals("spec") && p[3].equals("is-valid")) {
      get(r, method, pretty, isValid(t.get(), q.get("spec")));
    } else {
      error(r, 404, "no such resource under task " + p[1], pretty);
    }
  }

  private ObjectNode task(Task<?> t, String base) {
    ObjectNode o = F.objectNode();
    o.put("name", t.id());
    o.put("version", t.version());
    o.put("href", base + "/tasks/" + t.id());
    o.put("schema", 1);
    Optional<String> schema = t.specSchema();
    if (schema.isPresent()) {
      try {
        o.set("spec-schema", Json.MAPPER.readTree(schema.get()));
      } catch (JsonProcessingException e) {
        o.putNull("spec-schema");
      }
    } else {
      o.putNull("spec-schema");
    }
    return o;
  }

  private static ObjectNode isValid(Task<?> t, String spec) {
    ObjectNode o = F.objectNode();
    if (spec == null) {
      return o.put("valid", false).put("error", "no spec parameter");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(spec);
    } catch (JsonProcessingException e) {
      return o.put("valid", false).put("error", "not JSON: " + e.getOriginalMessage());
    }
    try {
      t.checkSpec(node);
      return o.put("valid", true);
    } catch (TaskException e) {
      return o.put("valid", false).put("error", e.getMessage());
    }
  }

  private void jobs(HttpPort.Request r, String method, boolean pretty, String[] p, String base, boolean expanded)
      throws IOException {
    List<Agent.TargetView> targets = control.targets();
    if (p.length == 1) {
      ArrayNode a = F.arrayNode();
      for (Agent.TargetView t : targets) {
        a.add(expanded ? job(t, base) : F.textNode(base + "/jobs/" + t.id()));
      }
      get(r, method, pretty, a);
      return;
    }
    Optional<Agent.TargetView> t = targets.stream().filter(x -> x.id().equals(p[1])).findFirst();
    if (t.isEmpty()) {
      error(r, 404, "no such job: " + p[1], pretty);
      return;
    }
    String job = t.get().id();
    if (p.length == 2) {
      get(r, method, pretty, job(t.get(), base));
    } else if (p.length == 3 && p[2].equals("runs")) {
      if (method.equals("POST")) {
        if (authorized(r, pretty)) {
          RunLog.Run run;
          try {
            run = control.requestRun(Optional.of(job), RunLog.Trigger.API).get(0);
          } catch (NoSuchElementException e) {
            error(r, 404, "no such job: " + job, pretty);
            return;
          }
          String href = base + "/jobs/" + job + "/runs/" + run.id();
          r.exchange().getResponseHeaders().set("Location", href);
          send(r, 201, pretty, run(run, base));
        }
        return;
      }
      ArrayNode a = F.arrayNode();
      for (RunLog.Run run : control.runLog().runs(Optional.of(job))) {
        a.add(expanded ? run(run, base) : F.textNode(base + "/jobs/" + job + "/runs/" + run.id()));
      }
      get(r, method, pretty, a);
    } else if ((p.length == 4 || p.length == 5) && p[2].equals("runs")) {
      Optional<RunLog.Run> run = control.runLog().run(p[3]).filter(x -> x.target().equals(job));
      if (run.isEmpty()) {
        error(r, 404, "no such run: " + p[3], pretty);
      } else if (p.length == 5 && p[4].equals("result")) {
        get(r, method, pretty, result(run.get()));
      } else if (p.length == 5) {
        error(r, 404, "no such resource under run " + p[3], pretty);
      } else if (method.equals("DELETE")) {
        if (authorized(r, pretty)) {
          cancel(r, pretty, run.get());
        }
      } else {
        ObjectNode o = run(run.get(), base);
        if (run.get().state() == RunLog.State.RUNNING) {
          o.set("progress", Json.MAPPER.valueToTree(control.work()));
        }
        get(r, method, pretty, o);
      }
    } else {
      error(r, 404, "no such resource under job " + job, pretty);
    }
  }

  private void cancel(HttpPort.Request r, boolean pretty, RunLog.Run run) throws IOException {
    switch (control.cancel(run.id())) {
      case CANCELED, STOPPING -> send(r, 200, pretty, F.objectNode().put("id", run.id())
          .put("state", control.runLog().run(run.id()).map(x -> x.state().wire()).orElse("canceled")));
      case ALREADY_ENDED -> error(r, 409, "run " + run.id() + " has ended already (" + run.state().wire() + ")", pretty);
      case UNKNOWN -> error(r, 404, "no such run: " + run.id(), pretty);
    }
  }

  private ObjectNode job(Agent.TargetView t, String base) {
    ObjectNode o = F.objectNode();
    o.put("id", t.id());
    o.put("href", base + "/jobs/" + t.id());
    o.put("kind", t.kind());
    o.put("address", t.address());
    o.put("next-run", t.nextRun().toString());
    o.put("last-run", t.lastRun().map(Instant::toString).orElse(null));
    o.put("last-outcome", t.lastOutcome().orElse(null));
    o.put("runs", base + "/jobs/" + t.id() + "/runs");
    return o;
  }

  private static ObjectNode run(RunLog.Run run, String base) {
    ObjectNode o = F.objectNode();
    String href = base + "/jobs/" + run.target() + "/runs/" + run.id();
    o.put("id", run.id());
    o.put("href", href);
    o.put("job", base + "/jobs/" + run.target());
    o.put("trigger", run.trigger().wire());
    o.put("state", run.state().wire());
    o.put("added", run.added().toString());
    o.put("start-time", run.started().map(Instant::toString).orElse(null));
    o.put("end-time", run.ended().map(Instant::toString).orElse(null));
    if (run.started().isPresent() && run.ended().isPresent()) {
      o.put("duration", Duration.between(run.started().get(), run.ended().get()).toString());
    }
    o.put("result-href", href + "/result");
    return o;
  }

  private static ObjectNode result(RunLog.Run run) {
    ObjectNode o = F.objectNode();
    o.put("state", run.state().wire());
    o.put("succeeded", run.state() == RunLog.State.FINISHED);
    o.put("message", run.state().ended() ? run.result() : null);
    return o;
  }

  private boolean authorized(HttpPort.Request r, boolean pretty) throws IOException {
    if (settings.apiToken().isEmpty()) {
      error(r, 403, "this agent takes no writes: set api-token to allow them", pretty);
      return false;
    }
    String h = r.exchange().getRequestHeaders().getFirst("Authorization");
    String given = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : "";
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        settings.apiToken().get().getBytes(StandardCharsets.UTF_8))) {
      r.exchange().getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"glpi-agent\"");
      error(r, 401, given.isEmpty() ? "a bearer token is needed" : "wrong token", pretty);
      return false;
    }
    return true;
  }

  private static void get(HttpPort.Request r, String method, boolean pretty, JsonNode body) throws IOException {
    if (!method.equals("GET")) {
      r.exchange().getResponseHeaders().set("Allow", "GET");
      error(r, 405, "method " + method + " not allowed here", pretty);
      return;
    }
    send(r, 200, pretty, body);
  }

  private static void error(HttpPort.Request r, int status, String message, boolean pretty) throws IOException {
    send(r, status, pretty, F.objectNode().put("error", message));
  }

  private static void send(HttpPort.Request r, int status, boolean pretty, JsonNode body) throws IOException {
    byte[] b = pretty
        ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(body)
        : Json.MAPPER.writeValueAsBytes(body);
    r.send(status, "application/json", b);
  }
}
