package org.glpiagent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import org.glpiagent.state.StateStore;
import org.glpiagent.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentIdentityTest {
  @TempDir Path dir;

  @Test
  void madeOnFirstStartAndKeptForever() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:07:13Z"));
    StateStore store = new StateStore(dir, clock);
    AgentIdentity first = AgentIdentity.loadOrCreate(store, "glpixps", clock, new SplittableRandom(1));
    assertThat(first.deviceId()).isEqualTo("glpixps-2026-11-22-09-07-13");
    assertThat(first.agentId().version()).isEqualTo(4);
    assertThat(first.agentId().toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    clock.advance(java.time.Duration.ofDays(3));
    AgentIdentity again = AgentIdentity.loadOrCreate(store, "renamed", clock, new SplittableRandom(2));
    assertThat(again).isEqualTo(first);
  }

  @Test
  void corruptIdentityIsSetAsideAndANewOneMade() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:07:13Z"));
    Files.writeString(dir.resolve("agent.json"), "garbage");
    AgentIdentity id = AgentIdentity.loadOrCreate(new StateStore(dir, clock), "h", clock, new SplittableRandom(1));
    assertThat(id.deviceId()).startsWith("h-2026");
    assertThat(dir.resolve("agent.json.corrupt-20261122T090713")).exists();
  }
}
