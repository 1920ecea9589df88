package org.glpiagent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskContext;
import org.glpiagent.task.TaskException;

/** A task that does nothing, whose job specification needs a {@code count} of at least 1. */
public final class CounterTask implements Task<String> {
  @Override
  public String id() {
    return "counter";
  }

  @Override
  public String version() {
    return "2.1";
  }

  @Override
  public Optional<String> plan(ServerInstructions i, TaskContext c) {
    return Optional.empty();
  }

  @Override
  public void run(String plan, TaskContext c) {}

  @Override
  public Optional<String> specSchema() {
    return Optional.of("{\"type\":\"object\",\"required\":[\"count\"]}");
  }

  @Override
  public void checkSpec(JsonNode spec) throws TaskException {
    if (spec.path("count").asInt(0) < 1) {
      throw new TaskException("count must be at least 1");
    }
  }
}
