package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glpiagent.client.ClientSettings;
import org.glpiagent.client.HttpServerClient;
import org.glpiagent.config.ConfigLoader;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskContext;
import org.glpiagent.tasks.inventory.InventoryTask;
import org.glpiagent.testkit.FakeGlpiServer;
import org.glpiagent.testkit.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The glpiinventory plugin's jobs reach a task that the plugin serves, through the same wiring as the command
 * (AgentProcess, the real client) with one recording task standing in for network discovery.
 */
class PluginJobsEndToEndTest {
  @TempDir Path dir;
  private FakeGlpiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Records the PROLOG options it is given. */
  static final class RecordingTask implements Task<List<JsonNode>> {
    final List<JsonNode> seen = new ArrayList<>();
    int planned;

    @Override
    public String id() {
      return "netdiscovery";
    }

    @Override
    public String version() {
      return "test";
    }

    @Override
    public Optional<List<JsonNode>> plan(ServerInstructions i, TaskContext c) {
      planned++;
      List<JsonNode> jobs = i.optionsNamed("NETDISCOVERY");
      return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs);
    }

    @Override
    public void run(List<JsonNode> plan, TaskContext c) {
      seen.addAll(plan);
    }
  }

  /** One forced run against the server, with the command's wiring and this recording task installed. */
  private int runOnceWith(RecordingTask discovery) throws Exception {
    var config = new ConfigLoader(dir.resolve("none.cfg"), dir).load(Map.of(
        "server", List.of(server.uri().toString()), "vardir", List.of(dir.resolve("var").toString()),
        "force", List.of("1"), "no-httpd", List.of("1")));
    var env = new AgentProcess.Environment(Clock.systemUTC(), new SecureRandom(),
        (c, id) -> new HttpServerClient(ClientSettings.from(c, id.agentId().toString(), "test")),
        List.of(new InventoryTask(), discovery), new ByteArrayOutputStream(), "host", dir.resolve("var"));
    try (AgentProcess p = AgentProcess.build(config, env)) {
      return p.runOnce();
    }
  }

  @Test
  void pluginServedTaskGetsItsJobsFromAPrologWithoutAgentId() throws Exception {
    server = FakeGlpiServer.start().plugin(true).queueOption(
        "<OPTION><NAME>NETDISCOVERY</NAME><PARAM THREADS_DISCOVERY=\"4\" TIMEOUT=\"1\" PID=\"42\"/>"
            + "<RANGEIP ID=\"1\" IPSTART=\"127.0.0.1\" IPEND=\"127.0.0.4\" ENTITY=\"0\"/></OPTION>");
    RecordingTask discovery = new RecordingTask();
    assertThat(runOnceWith(discovery)).isZero();
    List<Recorded> reqs = server.posts();
    assertThat(reqs).extracting(Recorded::action).containsExactly("contact", "prolog", "inventory");
    assertThat(reqs.get(0).text()).contains("\"enabled-tasks\":[\"inventory\",\"netdiscovery\"]");
    assertThat(reqs.get(1).header("glpi-agent-id")).isNull();
    assertThat(discovery.planned).isEqualTo(1);
    assertThat(discovery.seen).hasSize(1);
    assertThat(discovery.seen.get(0).path("PARAM").path("PID").asText()).isEqualTo("42");
    assertThat(discovery.seen.get(0).path("RANGEIP").path("IPEND").asText()).isEqualTo("127.0.0.4");
  }

  @Test
  void aTaskTheServerDisablesIsNotRun() throws Exception {
    server = FakeGlpiServer.start(); // no plugin: GLPI answers "netdiscovery task not supported"
    RecordingTask discovery = new RecordingTask();
    assertThat(runOnceWith(discovery)).isZero();
    assertThat(server.posts()).extracting(Recorded::action).containsExactly("contact", "inventory");
    assertThat(discovery.planned).isZero();
    assertThat(discovery.seen).isEmpty();
  }
}
