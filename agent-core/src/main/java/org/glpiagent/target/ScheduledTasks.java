package org.glpiagent.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glpiagent.client.Reply;
import org.glpiagent.client.RequestOptions;
import org.glpiagent.client.ServerClient;
import org.glpiagent.protocol.Json;
import org.glpiagent.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the jobs of the task scheduling protocol come from: a server's tasks API
 * ({@code GET <base>/plugins/glpiinventory/api/tasks?agentid=...&module['netdiscovery']=<version>}, then the
 * same under {@code plugins/fusioninventory/}; a 404 means "not offered") or a {@code --tasks-file}.
 */
public final class ScheduledTasks {
  private static final Logger log = LoggerFactory.getLogger(ScheduledTasks.class);
  private static final List<String> PLUGINS = List.of("glpiinventory", "fusioninventory");

  private ScheduledTasks() {}

  /** The {@code tasks} array of a file; a file that is not such a document is a clear error. */
  public static JsonNode fromFile(Path file) throws IOException {
    byte[] body;
    try {
      body = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException("tasks-file " + file + " cannot be read: " + e.getMessage(), e);
    }
    return tasksOf(Json.readObject(body, "tasks-file " + file), "tasks-file " + file);
  }

  /**
   * A tasks API answer: its {@code tasks} array (empty when not offered) and, when the server set one, the
   * {@code nextContactTime} at which to ask it again.
   */
  public record Answer(JsonNode tasks, java.util.Optional<java.time.Instant> nextContact) {}

  /** {@code nextContactTime}: seconds since the epoch, as a number or a numeric string; anything else is none. */
  static java.util.Optional<java.time.Instant> nextContactOf(JsonNode doc) {
    JsonNode n = doc.path("nextContactTime");
    String text = n.isNumber() ? String.valueOf(n.asLong()) : n.isTextual() ? n.asText().strip() : "";
    if (!text.matches("\\d{1,12}")) {
      return java.util.Optional.empty();
    }
    long seconds = Long.parseLong(text);
    return seconds > 0 ? java.util.Optional.of(java.time.Instant.ofEpochSecond(seconds)) : java.util.Optional.empty();
  }

  /** The server's scheduled tasks for the modules this agent has, or an empty array when not offered. */
  public static Answer fromServer(ServerClient client, URI server, String agentId, Map<String, String> modules) {
    String base = server.toString().replaceFirst("/(front|plugins|marketplace|Inventory)(/.*)?$", "").replaceFirst("/+$", "");
    StringBuilder query = new StringBuilder("?agentid=").append(URLEncoder.encode(agentId, StandardCharsets.UTF_8));
    modules.forEach((m, v) -> query.append("&module%5B%27").append(m).append("%27%5D=").append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    for (String plugin : PLUGINS) {
      URI url = URI.create(base + "/plugins/" + plugin + "/api/tasks" + query);
      try {
        Reply r = client.get(url, RequestOptions.WITHOUT_AGENT_ID);
        if (r.code() == 404 || r.code() == 405 || r.code() == 400) {
          continue;
        }
        if (r.isSuccess() && r.looksLikeJson()) {
          JsonNode doc = Json.readObject(r.body(), "tasks answer");
          return new Answer(tasksOf(doc, "tasks answer from " + url), nextContactOf(doc));
        }
        log.debug("tasks API at {} answered {}", url, r.code());
      } catch (ProtocolException e) {
        log.warn("{}", e.getMessage());
      } catch (IOException e) {
        log.debug("tasks API at {}: {}", url, e.getMessage());
      }
    }
    return new Answer(JsonNodeFactory.instance.arrayNode(), java.util.Optional.empty());
  }

  /** The folder in {@code vardir} holding the jobs pushed with {@code glpi-agent ctl push}. */
  public static final String PUSHED = "jobs";

  /**
   * The {@code tasks} of every job file pushed into {@code dir} ({@code NAME.json}, each a tasks document), in
   * name order; a file that cannot be read is logged and skipped.
   */
  public static com.fasterxml.jackson.databind.node.ArrayNode fromPushed(Path dir) {
    com.fasterxml.jackson.databind.node.ArrayNode all = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    if (!Files.isDirectory(dir)) {
      return all;
    }
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      log.error("pushed jobs in {} cannot be listed: {}", dir, e.getMessage());
      return all;
    }
    for (Path f : files) {
      try {
        fromFile(f).forEach(all::add);
      } catch (IOException e) {
        log.error("pushed job {} skipped: {}", f.getFileName(), e.getMessage());
      }
    }
    return all;
  }

  /** The {@code tasks} array of a document, or a clear error. */
  public static JsonNode tasksOf(JsonNode doc, String what) throws ProtocolException {
    JsonNode tasks = doc.get("tasks");
    if (tasks == null || !tasks.isArray()) {
      throw new ProtocolException(what + ": no \"tasks\" array");
    }
    return tasks;
  }
}
