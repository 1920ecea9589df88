package org.glpiagent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server's answer to CONTACT.
 *
 * @param status ok, pending or error
 * @param message what the server wants logged, if anything
 * @param expiration the delay before the next CONTACT (the server's maximum delay between runs)
 * @param disabled tasks the server does not want run
 * @param tasks per-task parameters by task name ({@code server}, {@code version}, {@code no-category}...)
 * @param jobs the {@code jobs} object of the task scheduling protocol, or an empty object
 * @param credentials the {@code credentials} object, or an empty object
 */
public record ContactAnswer(
    AnswerStatus status,
    Optional<String> message,
    Optional<Duration> expiration,
    List<String> disabled,
    Map<String, JsonNode> tasks,
    JsonNode jobs,
    JsonNode credentials) {

  public ContactAnswer {
    disabled = List.copyOf(disabled);
    tasks = Map.copyOf(tasks);
  }

  /**
   * Reads a CONTACT answer. As glpi-agent requires, a valid answer has a known {@code status}; an answer with
   * status ok must also carry an {@code expiration}.
   */
  public static ContactAnswer parse(JsonNode node) throws ProtocolException {
    AnswerStatus status =
        AnswerStatus.of(node.path("status").asText(null))
            .orElseThrow(() -> new ProtocolException("CONTACT answer without a valid status"));
    Optional<Duration> expiration = Expiration.of(node.get("expiration"));
    if (status == AnswerStatus.OK && expiration.isEmpty()) {
      throw new ProtocolException("CONTACT answer without a valid expiration");
    }
    Map<String, JsonNode> tasks = new LinkedHashMap<>();
    node.path("tasks").properties().forEach(e -> tasks.put(e.getKey(), e.getValue()));
    return new ContactAnswer(
        status,
        text(node.get("message")),
        expiration,
        stringList(node.get("disabled")),
        tasks,
        objectOrEmpty(node.get("jobs")),
        objectOrEmpty(node.get("credentials")));
  }

  /** Whether the glpiinventory plugin serves any task, in which case its jobs come through a legacy PROLOG. */
  public boolean servedByPlugin() {
    return tasks.values().stream().anyMatch(t -> "glpiinventory".equals(t.path("server").asText()));
  }

  /** A field that GLPI sends as a string but that the spec shows as a list: both are read as a list. */
  static List<String> stringList(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else {
      for (String s : node.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }

  static Optional<String> text(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(n -> parts.add(n.asText()));
      return Optional.of(String.join(";", parts));
    }
    String s = node.asText();
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static JsonNode objectOrEmpty(JsonNode node) {
    return node != null && node.isObject() ? node : JsonNodeFactory.instance.objectNode();
  }
}
