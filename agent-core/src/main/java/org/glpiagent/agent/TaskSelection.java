package org.glpiagent.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.glpiagent.config.ConfigException;

/**
 * Which tasks run, in which order, from the {@code tasks} and {@code no-task} options, as glpi-agent reads
 * them: {@code tasks} lists task names in the order to run them, {@code ...} stands for every other
 * installed task, and {@code no-task} removes names. An unknown name is a configuration error.
 */
public final class TaskSelection {
  private TaskSelection() {}

  /** The task ids to run, in order. */
  public static List<String> select(List<String> installed, List<String> tasks, List<String> noTask)
      throws ConfigException {
    Set<String> known = new LinkedHashSet<>(installed);
    for (String n : noTask) {
      if (!known.contains(norm(n))) {
        throw new ConfigException("no-task", n, "unknown task (known: " + String.join(", ", installed) + ")");
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    if (tasks.isEmpty()) {
      ordered.addAll(installed);
    } else {
      for (String t : tasks) {
        if ("...".equals(t.trim())) {
          ordered.addAll(installed);
        } else if (known.contains(norm(t))) {
          ordered.add(norm(t));
        } else {
          throw new ConfigException("tasks", t, "unknown task (known: " + String.join(", ", installed) + ")");
        }
      }
    }
    List<String> out = new ArrayList<>(ordered);
    noTask.forEach(n -> out.remove(norm(n)));
    return out;
  }

  private static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
