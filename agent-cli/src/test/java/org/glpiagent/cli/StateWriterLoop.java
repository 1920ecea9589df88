package org.glpiagent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.glpiagent.state.StateStore;

/**
 * A child process for {@link CrashAndDiskFullTest}: rewrites a target's {@code target.json} through the
 * agent's {@link StateStore} as fast as it can, until it is killed. Prints {@code writing} once it started.
 */
final class StateWriterLoop {
  private StateWriterLoop() {}

  public static void main(String[] args) throws Exception {
    StateStore store = new StateStore(Path.of(args[0]), Clock.systemUTC());
    ObjectNode state = store.read("target.json", 1).orElseThrow();
    Instant next = Instant.parse(state.path("nextRunDate").asText());
    System.out.println("writing");
    System.out.flush();
    for (long i = 0; ; i++) {
      state.put("nextRunDate", next.minusSeconds(i % 30).toString());
      state.put("padding", "x".repeat((int) (i % 4096)));
      store.write("target.json", 1, state);
    }
  }
}
