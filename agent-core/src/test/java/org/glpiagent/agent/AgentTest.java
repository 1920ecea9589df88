package org.glpiagent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.identity.AgentIdentity;
import org.glpiagent.protocol.ContactRequest;
import org.glpiagent.protocol.Json;
import org.glpiagent.state.StateStore;
import org.glpiagent.target.Outcome;
import org.glpiagent.target.ServerDialogue;
import org.glpiagent.target.ServerKind;
import org.glpiagent.target.Target;
import org.glpiagent.target.TargetRunner;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Submission;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskContext;
import org.glpiagent.testing.MutableClock;
import org.glpiagent.testing.ScriptedClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTest {
  private static final String CONTACT_OK = "{\"expiration\":\"2h\",\"status\":\"ok\",\"tasks\":{\"inventory\":{\"server\":\"glpi\"}}}";
  private static final String INVENTORY_OK = "{\"expiration\":\"24\",\"status\":\"ok\"}";
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path vardir;
  private final MutableClock clock = new MutableClock(T0);
  private final AgentIdentity id = new AgentIdentity(java.util.UUID.randomUUID(), "host-2026-11-22-10-00-00");
  private final Target.Server server = new Target.Server("server0", URI.create("http://127.0.0.1:9/"));

  /** A task that submits one small document per run. */
  static final class OneDocTask implements Task<String> {
    int runs;

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
      runs++;
      ObjectNode content = Json.MAPPER.createObjectNode().put("versionclient", "test");
      content.putObject("hardware").put("name", "run" + runs);
      try {
        c.sink().submit(Submission.computer(content));
      } catch (IOException e) {
        throw new org.glpiagent.task.TaskException("not delivered: " + e.getMessage());
      }
    }
  }

  private final OneDocTask task = new OneDocTask();

  private Agent agent(ScriptedClient client, Target... targets) {
    ContactRequest contact = new ContactRequest(id.deviceId(), "GLPI-Agent", "1", List.of("inventory"), List.of("inventory"), null, null);
    TargetRunner runner =
        new TargetRunner(
            AgentConfig.of(Map.of("json", List.of("1"))),
            id,
            List.of(task),
            clock,
            vardir,
            s -> new ServerDialogue(client, contact, id.deviceId(), ServerDialogue.ProtocolMode.AUTO),
            client,
            new ByteArrayOutputStream());
    return new Agent(List.of(targets), new StateStore(vardir, clock), runner, clock, new SplittableRandom(5), Duration.ofHours(1));
  }

  private List<Path> files(String sub) throws IOException {
    Path d = vardir.resolve(server.storageName()).resolve(sub);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.toList();
    }
  }

  @Test
  void successfulRunFollowsTheServersExpirationAndRemembersItsKind() throws Exception {
    ScriptedClient c = new ScriptedClient().thenJson(200, CONTACT_OK).thenJson(200, INVENTORY_OK);
    Agent a = agent(c, server);
    assertThat(Duration.between(T0, a.state(server).schedule().nextRunDate())).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
    assertThat(a.runAll(true)).isTrue();
    assertThat(c.sentText(1)).contains("\"action\":\"inventory\"").contains("\"deviceid\":\"host-2026-11-22-10-00-00\"").contains("\"itemtype\":\"Computer\"");
    assertThat(a.state(server).kind()).isEqualTo(ServerKind.GLPI);
    assertThat(a.state(server).schedule().maxDelay()).isEqualTo(Duration.ofHours(2));
    assertThat(Duration.between(T0, a.state(server).schedule().nextRunDate())).isBetween(Duration.ofMinutes(100), Duration.ofHours(2));
    assertThat(files("pending")).isEmpty();

    // a restart reads the same plan back
    Agent restarted = agent(new ScriptedClient(), server);
    assertThat(restarted.state(server)).isEqualTo(a.state(server));
  }

  @Test
  void busyServerKeepsTheInventoryAcrossARestartAndSendsItFirstNextTime() throws Exception {
    ScriptedClient c =
        new ScriptedClient()
            .thenJson(200, CONTACT_OK)
            .thenJson(503, "{\"status\":\"error\",\"message\":\"busy server\",\"expiration\":\"10m\"}");
    Agent a = agent(c, server);
    assertThat(a.runAll(true)).isFalse();
    assertThat(a.lastOutcome(server)).containsInstanceOf(Outcome.ServerPending.class);
    assertThat(a.state(server).schedule().nextRunDate()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(files("pending")).hasSize(1);

    clock.advance(Duration.ofMinutes(10));
    ScriptedClient c2 =
        new ScriptedClient().thenJson(200, CONTACT_OK).thenJson(200, INVENTORY_OK).thenJson(200, INVENTORY_OK);
    Agent restarted = agent(c2, server);
    assertThat(restarted.runDue()).isTrue();
    assertThat(c2.sentText(1)).contains("\"name\":\"run1\"");
    assertThat(c2.sentText(2)).contains("\"name\":\"run2\"");
    assertThat(files("pending")).isEmpty();
  }

  @Test
  void schemaRejectionMovesTheDocumentAsideWithoutRetryingForever() throws Exception {
    ScriptedClient c =
        new ScriptedClient()
            .thenJson(200, CONTACT_OK)
            .thenJson(400, "{\"status\":\"error\",\"message\":\"JSON does not validate. Violations:\\nRequired property missing: versionclient\",\"expiration\":24}");
    Agent a = agent(c, server);
    assertThat(a.runAll(true)).isFalse();
    assertThat(a.lastOutcome(server).orElseThrow()).isInstanceOf(Outcome.ServerRejected.class);
    assertThat(files("pending")).isEmpty();
    assertThat(files("rejected")).hasSize(1);
  }

  @Test
  void unreachableServerBacksOffAndKeepsNothingToSend() throws Exception {
    ScriptedClient c = new ScriptedClient().thenFail("connection refused").thenFail("connection refused");
    Agent a = agent(c, server);
    a.runAll(true);
    assertThat(a.state(server).schedule().nextRunDate()).isEqualTo(T0.plusSeconds(60));
    a.runAll(true);
    assertThat(a.state(server).schedule().nextRunDate()).isEqualTo(T0.plusSeconds(120));
    assertThat(task.runs).isZero();
  }

  @Test
  void localTargetWritesTheInventoryIntoTheFolder() throws Exception {
    Path out = vardir.resolve("out");
    Target.Local local = new Target.Local("local0", out.toString());
    Agent a = agent(new ScriptedClient(), local);
    assertThat(a.runAll(true)).isTrue();
    Path file = out.resolve("host-2026-11-22-10-00-00.json");
    assertThat(Json.MAPPER.readTree(file.toFile()).path("content").path("hardware").path("name").asText()).isEqualTo("run1");
  }

  @Test
  void daemonRunsDueTargetsAndSleepsUntilTheNext() throws Exception {
    ScriptedClient c = new ScriptedClient();
    for (int i = 0; i < 3; i++) {
      c.thenJson(200, CONTACT_OK).thenJson(200, INVENTORY_OK);
    }
    Agent a = agent(c, server);
    java.util.List<Duration> waits = new java.util.ArrayList<>();
    Daemon[] d = new Daemon[1];
    d[0] =
        new Daemon(
            a,
            clock,
            new Daemon.Waiter() {
              @Override
              public void await(Duration max) {
                waits.add(max);
                clock.advance(max);
                if (task.runs >= 3) {
                  d[0].stop();
                }
              }

              @Override
              public void wake() {}
            });
    assertThat(d[0].loop()).isEqualTo(Daemon.Exit.STOPPED);
    assertThat(task.runs).isEqualTo(3);
    // never a wait longer than ten minutes, so a clock jump is noticed
    assertThat(waits).allSatisfy(w -> assertThat(w).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10)));
  }

  @Test
  void confReloadIntervalEndsTheLoopForAReload() throws Exception {
    ScriptedClient c = new ScriptedClient();
    for (int i = 0; i < 10; i++) {
      c.thenJson(200, CONTACT_OK).thenJson(200, INVENTORY_OK);
    }
    Agent a = agent(c, server);
    java.util.List<Duration> waits = new java.util.ArrayList<>();
    Daemon d =
        new Daemon(
            a,
            clock,
            new Daemon.Waiter() {
              @Override
              public void await(Duration max) {
                waits.add(max);
                clock.advance(max);
              }

              @Override
              public void wake() {}
            },
            Duration.ofMinutes(15));
    assertThat(d.loop()).isEqualTo(Daemon.Exit.RELOAD);
    assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(task.runs).isZero(); // the first run is planned 30-60 minutes out
  }

  /** A discovery task that counts the scheduled jobs it was given. */
  static final class CountingDiscovery implements Task<Integer> {
    final List<Integer> jobsPerRun = new java.util.ArrayList<>();

    @Override
    public String id() {
      return "netdiscovery";
    }

    @Override
    public String version() {
      return "2.9";
    }

    @Override
    public Optional<Integer> plan(ServerInstructions i, TaskContext c) {
      int jobs = 0;
      for (com.fasterxml.jackson.databind.JsonNode t : i.scheduledTasks()) {
        jobs += t.path("jobs").size();
      }
      return jobs == 0 ? Optional.empty() : Optional.of(jobs);
    }

    @Override
    public void run(Integer jobs, TaskContext c) {
      jobsPerRun.add(jobs);
    }
  }

  private static String tasksAnswer(int jobs, Instant next) {
    StringBuilder list = new StringBuilder();
    for (int j = 0; j < jobs; j++) {
      list.append(j == 0 ? "" : ",").append("{\"id\":\"j").append(j).append("\",\"type\":\"netdiscovery\",\"targets\":[]}");
    }
    return "{\"tasks\":[{\"id\":\"t1\",\"jobs\":[" + list + "]}],\"nextContactTime\":" + next.getEpochSecond() + "}";
  }

  @Test
  void theTasksApiIsAskedAgainAtItsNextContactTimeWithoutAContactOrAnInventory() throws Exception {
    CountingDiscovery discovery = new CountingDiscovery();
    Instant soon = T0.plus(Duration.ofMinutes(30));
    ScriptedClient c = new ScriptedClient().thenJson(200, CONTACT_OK).thenJson(200, INVENTORY_OK)
        .thenGetJson(200, tasksAnswer(1, soon))
        .thenGetJson(200, tasksAnswer(2, T0.plus(Duration.ofMinutes(45))));
    ContactRequest contact = new ContactRequest(id.deviceId(), "GLPI-Agent", "1", List.of("inventory"), List.of("inventory"), null, null);
    TargetRunner runner = new TargetRunner(AgentConfig.of(Map.of("json", List.of("1"))), id, List.of(task, discovery), clock, vardir,
        s -> new ServerDialogue(c, contact, id.deviceId(), ServerDialogue.ProtocolMode.AUTO), c, new ByteArrayOutputStream());
    Agent a = new Agent(List.of(server), new StateStore(vardir, clock), runner, clock, new SplittableRandom(5), Duration.ofHours(1));

    assertThat(a.runAll(true)).isTrue();
    assertThat(discovery.jobsPerRun).containsExactly(1);
    assertThat(a.state(server).tasksContact()).contains(soon);
    assertThat(a.nextRunDate()).isEqualTo(soon);
    assertThat(c.got.get(0).toString()).contains("/plugins/glpiinventory/api/tasks?agentid=").contains("netdiscovery");

    clock.advance(Duration.ofMinutes(10));
    assertThat(a.runDue()).isTrue(); // nothing due yet
    assertThat(c.got).hasSize(1);

    clock.advance(Duration.ofMinutes(20));
    int postsBefore = c.sent.size();
    assertThat(a.runDue()).isTrue();
    assertThat(discovery.jobsPerRun).containsExactly(1, 2);
    assertThat(c.sent).as("no CONTACT and no inventory").hasSize(postsBefore);
    assertThat(task.runs).isEqualTo(1);
    assertThat(a.state(server).tasksContact()).contains(T0.plus(Duration.ofMinutes(45)));

    // kept across a restart
    Agent restarted = new Agent(List.of(server), new StateStore(vardir, clock), runner, clock, new SplittableRandom(5), Duration.ofHours(1));
    assertThat(restarted.state(server).tasksContact()).contains(T0.plus(Duration.ofMinutes(45)));
  }

  @Test
  void aNextContactTimeInThePastOrNotANumberIsIgnored() throws Exception {
    CountingDiscovery discovery = new CountingDiscovery();
    ScriptedClient c = new ScriptedClient().thenJson(200, CONTACT_OK).thenJson(200, INVENTORY_OK)
        .thenGetJson(200, tasksAnswer(1, T0.minus(Duration.ofDays(3000))));
    ContactRequest contact = new ContactRequest(id.deviceId(), "GLPI-Agent", "1", List.of("inventory"), List.of("inventory"), null, null);
    TargetRunner runner = new TargetRunner(AgentConfig.of(Map.of("json", List.of("1"))), id, List.of(task, discovery), clock, vardir,
        s -> new ServerDialogue(c, contact, id.deviceId(), ServerDialogue.ProtocolMode.AUTO), c, new ByteArrayOutputStream());
    Agent a = new Agent(List.of(server), new StateStore(vardir, clock), runner, clock, new SplittableRandom(5), Duration.ofHours(1));
    assertThat(a.runAll(true)).isTrue();
    assertThat(a.state(server).tasksContact()).isEmpty();
    assertThat(a.nextRunDate()).isEqualTo(a.state(server).schedule().nextRunDate());
  }
}
