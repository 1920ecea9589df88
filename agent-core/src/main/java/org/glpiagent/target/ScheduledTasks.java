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

  /** The server's scheduled tasks for the modules this agent has, or an empty array when not offered. */
  public static JsonNode fromServer(ServerClient client, URI server, String agentId, Map<String, String> modules) {
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
          return tasksOf(Json.readObject(r.body(), "tasks answer"), "tasks answer from " + url);
        }
        log.debug("tasks API at {} answered {}", url, r.code());
      } catch (ProtocolException e) {
        log.warn("{}", e.getMessage());
      } catch (IOException e) {
        log.debug("tasks API at {}: {}", url, e.getMessage());
      }
    }
    return JsonNodeFactory.instance.arrayNode();
  }

  static JsonNode tasksOf(JsonNode doc, String what) throws ProtocolException {
    JsonNode tasks = doc.get("tasks");
    if (tasks == null || !tasks.isArray()) {
      throw new ProtocolException(what + ": no \"tasks\" array");
    }
    return tasks;
  }
}
