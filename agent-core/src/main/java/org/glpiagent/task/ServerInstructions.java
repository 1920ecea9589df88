package org.glpiagent.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server asked of the agent for one run, as the tasks see it.
 *
 * @param taskParams the CONTACT answer's {@code tasks} entries by task name (for example
 *     {@code inventory → {"server":"glpi","no-category":"process"}}); empty for local targets
 * @param prologOptions the legacy PROLOG answer's {@code <OPTION>} blocks, each as a tree whose keys are the
 *     element and attribute names (attributes and child elements mean the same, as for glpi-agent)
 * @param jobs the CONTACT answer's {@code jobs} object, or an empty object
 * @param credentials the CONTACT answer's {@code credentials} object, or an empty object
 * @param forced whether the run was forced ({@code --force} or a {@code /now} request)
 * @param scheduledTasks the {@code tasks} array of the task scheduling protocol (from the server's tasks API or
 *     {@code --tasks-file}), or an empty array
 */
public record ServerInstructions(
    Map<String, JsonNode> taskParams,
    List<JsonNode> prologOptions,
    JsonNode jobs,
    JsonNode credentials,
    boolean forced,
    JsonNode scheduledTasks) {

  public ServerInstructions {
    taskParams = Map.copyOf(taskParams);
    prologOptions = List.copyOf(prologOptions);
    jobs = jobs == null ? JsonNodeFactory.instance.objectNode() : jobs;
    credentials = credentials == null ? JsonNodeFactory.instance.objectNode() : credentials;
    scheduledTasks = scheduledTasks == null || !scheduledTasks.isArray() ? JsonNodeFactory.instance.arrayNode() : scheduledTasks;
  }

  /** Instructions without scheduled tasks. */
  public ServerInstructions(
      Map<String, JsonNode> taskParams, List<JsonNode> prologOptions, JsonNode jobs, JsonNode credentials, boolean forced) {
    this(taskParams, prologOptions, jobs, credentials, forced, null);
  }

  /** The same instructions with these scheduled tasks. */
  public ServerInstructions withScheduledTasks(JsonNode tasks) {
    return new ServerInstructions(taskParams, prologOptions, jobs, credentials, forced, tasks);
  }

  /** No instructions: a local target, or a server that said nothing beyond "go". */
  public static ServerInstructions none(boolean forced) {
    return new ServerInstructions(Map.of(), List.of(), null, null, forced);
  }

  /** The CONTACT parameters of one task, if the server sent any. */
  public Optional<JsonNode> paramsOf(String taskId) {
    return Optional.ofNullable(taskParams.get(taskId));
  }

  /** The PROLOG options of a given {@code NAME}, such as {@code NETDISCOVERY}. */
  public List<JsonNode> optionsNamed(String name) {
    return prologOptions.stream().filter(o -> name.equalsIgnoreCase(o.path("NAME").asText())).toList();
  }
}
