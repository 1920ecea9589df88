package org.glpiagent.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.glpiagent.protocol.Json;
import org.glpiagent.protocol.ProtocolException;
import org.glpiagent.state.StateStore;
import org.glpiagent.target.ScheduledTasks;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskException;

/**
 * The job files pushed with {@code glpi-agent ctl push}: tasks documents of the task scheduling protocol kept in
 * {@code vardir/jobs} (0600), run with every run of the agent's targets as {@code tasks-file} is. A file is
 * checked by the installed tasks' own parsers before it is kept.
 */
public final class JobStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private final Path dir;
  private final List<Task<?>> tasks;

  public JobStore(Path vardir, List<Task<?>> tasks) {
    this.dir = vardir.resolve(ScheduledTasks.PUSHED);
    this.tasks = List.copyOf(tasks);
  }

  /** Thrown for a job file or name that is not kept, with the reason. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** Checks and keeps a job file, replacing one of the same name. */
  public void push(String name, String text) throws Refused, IOException {
    checkName(name);
    JsonNode doc;
    try {
      doc = Json.readObject(text.getBytes(StandardCharsets.UTF_8), "job " + name);
    } catch (ProtocolException e) {
      throw new Refused(e.getMessage());
    }
    JsonNode list;
    try {
      list = ScheduledTasks.tasksOf(doc, "job " + name);
    } catch (ProtocolException e) {
      throw new Refused(e.getMessage());
    }
    int jobs = 0;
    for (JsonNode task : list) {
      for (JsonNode job : task.path("jobs")) {
        String type = job.path("type").asText("");
        Task<?> t = tasks.stream().filter(x -> x.id().equalsIgnoreCase(type)).findFirst()
            .orElseThrow(() -> new Refused("job " + name + ": no installed task runs \"" + type + "\" jobs"));
        try {
          t.checkSpec(job);
        } catch (TaskException e) {
          throw new Refused("job " + name + ": " + e.getMessage());
        }
        jobs++;
      }
    }
    if (jobs == 0) {
      throw new Refused("job " + name + ": its tasks hold no job");
    }
    new StateStore(dir, java.time.Clock.systemUTC()).writeBytes(name + ".json", text.getBytes(StandardCharsets.UTF_8));
  }

  /** Removes a job file; false when there was none. */
  public boolean delete(String name) throws Refused, IOException {
    checkName(name);
    return Files.deleteIfExists(dir.resolve(name + ".json"));
  }

  /** A job file's text, when there is one. */
  public Optional<String> read(String name) throws IOException {
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Path f = dir.resolve(name + ".json");
    return Files.isRegularFile(f) ? Optional.of(Files.readString(f)) : Optional.empty();
  }

  /** The names of the job files kept. */
  public List<String> names() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var s = Files.list(dir)) {
      return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
    }
  }

  private static void checkName(String name) throws Refused {
    if (!NAME.matcher(name).matches()) {
      throw new Refused("a job name is letters, digits, '.', '_' and '-', 64 at most");
    }
  }
}
