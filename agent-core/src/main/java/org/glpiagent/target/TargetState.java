package org.glpiagent.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.glpiagent.protocol.JsonTree;
import org.glpiagent.schedule.TargetSchedule;
import org.glpiagent.state.StateStore;

/**
 * What the agent remembers of a target between runs: its schedule, for a server what it speaks, and when
 * its tasks API asked to be contacted again ({@code nextContactTime}) if that comes before the next run.
 *
 * <p>Kept as {@code target.json} in the target's folder.
 */
public record TargetState(TargetSchedule schedule, ServerKind kind, Optional<Instant> tasksContact) {
  static final String FILE = "target.json";
  static final int VERSION = 1;

  public TargetState(TargetSchedule schedule, ServerKind kind) {
    this(schedule, kind, Optional.empty());
  }

  /** The same state with another schedule. */
  public TargetState with(TargetSchedule s) {
    return new TargetState(s, kind, tasksContact);
  }

  /** The same state with another server kind. */
  public TargetState with(ServerKind k) {
    return new TargetState(schedule, k, tasksContact);
  }

  /** The same state with another time to ask the tasks API. */
  public TargetState withTasksContact(Optional<Instant> when) {
    return new TargetState(schedule, kind, when);
  }

  /** Reads the saved state of a target, if any (a corrupt file is set aside by the store). */
  public static Optional<TargetState> load(StateStore store) throws IOException {
    Optional<ObjectNode> node = store.read(FILE, VERSION);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode n = node.get();
    try {
      TargetSchedule s =
          new TargetSchedule(
              Instant.parse(n.path("nextRunDate").asText()),
              Instant.parse(n.path("baseRunDate").asText()),
              Duration.ofSeconds(n.path("maxDelaySeconds").asLong()),
              Duration.ofSeconds(n.path("backoffSeconds").asLong()));
      Optional<Instant> contact = n.hasNonNull("tasksContact") ? Optional.of(Instant.parse(n.path("tasksContact").asText())) : Optional.empty();
      return Optional.of(new TargetState(s, ServerKind.valueOf(n.path("serverKind").asText("UNKNOWN")), contact));
    } catch (RuntimeException e) {
      throw new IOException("target state " + store.dir().resolve(FILE) + " is invalid: " + e.getMessage(), e);
    }
  }

  /** Saves the state atomically. */
  public void save(StateStore store, Target target) throws IOException {
    ObjectNode n = JsonTree.object();
    switch (target) {
      case Target.Server s -> n.put("url", s.url().toString());
      case Target.Local l -> n.put("path", l.path());
    }
    n.put("serverKind", kind.name());
    n.put("nextRunDate", schedule.nextRunDate().toString());
    n.put("baseRunDate", schedule.baseRunDate().toString());
    n.put("maxDelaySeconds", schedule.maxDelay().toSeconds());
    n.put("backoffSeconds", schedule.backoff().toSeconds());
    tasksContact.ifPresent(t -> n.put("tasksContact", t.toString()));
    store.write(FILE, VERSION, n);
  }
}
