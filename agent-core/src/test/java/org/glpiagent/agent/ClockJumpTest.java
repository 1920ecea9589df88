package org.glpiagent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.identity.AgentIdentity;
import org.glpiagent.logging.LogLevel;
import org.glpiagent.logging.LogSetup;
import org.glpiagent.protocol.ContactRequest;
import org.glpiagent.protocol.Json;
import org.glpiagent.state.StateStore;
import org.glpiagent.target.ServerDialogue;
import org.glpiagent.target.Target;
import org.glpiagent.target.TargetRunner;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Submission;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskContext;
import org.glpiagent.testing.MutableClock;
import org.glpiagent.testing.ScriptedClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wall clock jumps forward and back under a running daemon: the schedule keeps going, a jump forward
 * brings one run (not one per missed period), a jump back does not hold runs off for as long as it jumped.
 */
class ClockJumpTest {
  private static final String CONTACT_OK = "{\"expiration\":\"2h\",\"status\":\"ok\",\"tasks\":{\"inventory\":{\"server\":\"glpi\"}}}";
  private static final String INVENTORY_OK = "{\"expiration\":\"2\",\"status\":\"ok\"}";
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path vardir;
  private final MutableClock clock = new MutableClock(T0);
  private final List<String> log = new ArrayList<>();
  /** Elapsed real time (the sum of the daemon's waits) at each run. */
  private final List<Duration> runsAt = new ArrayList<>();
  private Duration elapsed = Duration.ZERO;

  @AfterEach
  void quiet() {
    LogSetup.apply(LogLevel.WARN, Map.of(), List.of(LogSetup.stderr()));
  }

  private final class OneDoc implements Task<String> {
    @Override
    public String id() {
      return "inventory";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public Optional<String> plan(ServerInstructions i, TaskContext c) {
      return Optional.of("go");
    }

    @Override
    public void run(String plan, TaskContext c) throws org.glpiagent.task.TaskException {
      runsAt.add(elapsed);
      ObjectNode content = Json.MAPPER.createObjectNode().put("versionclient", "test");
      content.putObject("hardware").put("name", "run" + runsAt.size());
      try {
        c.sink().submit(Submission.computer(content));
      } catch (IOException e) {
        throw new org.glpiagent.task.TaskException("not delivered: " + e.getMessage());
      }
    }
  }

  /**
   * Runs a daemon for {@code realTime} of waits; {@code jumps} moves the clock by that much once that much
   * real time has passed. Returns the client, whose sent messages are what the server got.
   */
  private ScriptedClient daemon(Duration realTime, Map<Duration, Duration> jumps) {
    LogSetup.apply(LogLevel.INFO, Map.of(), List.of((level, line) -> log.add(line)));
    ScriptedClient c = new ScriptedClient();
    for (int i = 0; i < 100; i++) {
      c.thenJson(200, CONTACT_OK).thenJson(200, INVENTORY_OK);
    }
    AgentIdentity id = new AgentIdentity(java.util.UUID.randomUUID(), "host-2026-11-22-10-00-00");
    ContactRequest contact = new ContactRequest(id.deviceId(), "GLPI-Agent", "1", List.of("inventory"), List.of("inventory"), null, null);
    TargetRunner runner = new TargetRunner(AgentConfig.of(Map.of("json", List.of("1"))), id, List.of(new OneDoc()), clock, vardir,
        s -> new ServerDialogue(c, contact, id.deviceId(), ServerDialogue.ProtocolMode.AUTO), c, new ByteArrayOutputStream());
    Target.Server server = new Target.Server("server0", URI.create("http://127.0.0.1:9/"));
    Agent agent = new Agent(List.of(server), new StateStore(vardir, clock), runner, clock, new SplittableRandom(7), Duration.ofHours(1));
    java.util.TreeMap<Duration, Duration> todo = new java.util.TreeMap<>(jumps);
    Daemon[] d = new Daemon[1];
    d[0] = new Daemon(agent, clock, new Daemon.Waiter() {
      @Override
      public void await(Duration max) {
        elapsed = elapsed.plus(max);
        clock.advance(max);
        while (!todo.isEmpty() && !elapsed.minus(todo.firstKey()).isNegative()) {
          clock.advance(todo.pollFirstEntry().getValue());
        }
        if (elapsed.compareTo(realTime) >= 0) {
          d[0].stop();
        }
      }

      @Override
      public void wake() {}
    });
    d[0].loop();
    return c;
  }

  private long inventoriesSent(ScriptedClient c) {
    return c.sent.stream().filter(m -> new String(m.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"action\":\"inventory\"")).count();
  }

  @Test
  void aJumpForwardOfThreeDaysBringsOneRunNotAStorm() {
    ScriptedClient c = daemon(Duration.ofHours(12), Map.of(Duration.ofHours(5), Duration.ofDays(3)));
    // runs every 2 h less up to 20 min: no two runs closer than an hour of real time, jump or not
    for (int i = 1; i < runsAt.size(); i++) {
      assertThat(runsAt.get(i).minus(runsAt.get(i - 1))).as("runs at %s", runsAt).isGreaterThanOrEqualTo(Duration.ofHours(1));
    }
    assertThat(runsAt).hasSizeBetween(5, 8);
    assertThat(inventoriesSent(c)).isEqualTo(runsAt.size());
    assertThat(log).anyMatch(l -> l.contains("run done, next run at"));
  }

  @Test
  void aJumpBackOfTwoDaysIsNoticedAndRunsGoOnWithinTheirDelay() {
    ScriptedClient c = daemon(Duration.ofHours(12), Map.of(Duration.ofHours(5), Duration.ofDays(-2)));
    // never much more than the server's 2 h without a run, even across the jump (without the fix: two days)
    for (int i = 1; i < runsAt.size(); i++) {
      assertThat(runsAt.get(i).minus(runsAt.get(i - 1))).as("runs at %s", runsAt).isLessThanOrEqualTo(Duration.ofHours(3));
    }
    assertThat(runsAt.getLast()).isGreaterThan(Duration.ofHours(10));
    assertThat(inventoriesSent(c)).isEqualTo(runsAt.size());
    assertThat(log).anyMatch(l -> l.contains("the clock went back"));
  }
}
