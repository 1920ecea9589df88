package org.glpiagent.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Helpers for tasks' job specifications: one job of the task scheduling protocol, checked on its own. */
public final class JobSpecs {
  private JobSpecs() {}

  /**
   * The job as the {@code tasks} array of one task, which is what the tasks' parsers read.
   *
   * @throws TaskException when the job is not an object or is not of this type
   */
  public static ArrayNode asTasks(JsonNode job, String type) throws TaskException {
    if (job == null || !job.isObject()) {
      throw new TaskException("a job specification is a JSON object");
    }
    if (!type.equalsIgnoreCase(job.path("type").asText(""))) {
      throw new TaskException("\"type\" must be \"" + type + "\", not " + job.path("type"));
    }
    ObjectNode task = JsonNodeFactory.instance.objectNode().put("id", "is-valid");
    task.putArray("jobs").add(job);
    return JsonNodeFactory.instance.arrayNode().add(task);
  }

  /** A task's schema, from {@code spec.schema.json} beside its class. */
  public static Optional<String> schema(Class<?> task) {
    try (InputStream in = task.getResourceAsStream("spec.schema.json")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
