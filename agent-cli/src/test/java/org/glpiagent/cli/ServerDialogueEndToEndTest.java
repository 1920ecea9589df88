package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.glpiagent.testkit.FakeGlpiServer;
import org.glpiagent.testkit.Fault;
import org.glpiagent.testkit.InventorySchema;
import org.glpiagent.testkit.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real entry point against a loopback server that answers like GLPI. */
class ServerDialogueEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private FakeGlpiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Path vardir() {
    return dir.resolve("var");
  }

  private JsonNode targetState() throws Exception {
    try (Stream<Path> s = Files.walk(vardir())) {
      Path f = s.filter(p -> p.getFileName().toString().equals("target.json")).findFirst().orElseThrow();
      return JSON.readTree(f.toFile());
    }
  }

  private long files(String sub) throws Exception {
    try (Stream<Path> s = Files.walk(vardir())) {
      return s.filter(p -> p.getParent().getFileName().toString().equals(sub)).filter(Files::isRegularFile).count();
    }
  }

  @Test
  void firstContactThenASchemaValidInventory() throws Exception {
    server = FakeGlpiServer.start();
    AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir()));
    assertThat(r.code).as(r.toString()).isZero();

    List<Recorded> reqs = server.posts();
    assertThat(reqs).extracting(Recorded::action).containsExactly("contact", "inventory");
    Recorded contact = reqs.get(0);
    assertThat(contact.header("content-type")).isEqualTo("application/x-compress-zlib");
    assertThat(contact.header("glpi-agent-id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(contact.header("glpi-request-id")).matches("[0-9A-F]{8}");
    assertThat(contact.header("pragma")).isEqualTo("no-cache");
    assertThat(contact.header("user-agent")).startsWith("GLPI-Agent_v");
    JsonNode c = JSON.readTree(contact.body());
    assertThat(c.path("deviceid").asText()).matches(".+-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}");
    assertThat(c.path("enabled-tasks").toString()).isEqualTo("[\"inventory\",\"netdiscovery\",\"netinventory\"]");
    assertThat(c.path("installed-tasks").toString()).isEqualTo("[\"inventory\",\"netdiscovery\",\"netinventory\"]");
    assertThat(c.has("httpd-port")).isFalse();

    assertThat(server.inventories()).hasSize(1);
    JsonNode inv = server.inventories().get(0);
    assertThat(inv.path("deviceid").asText()).isEqualTo(c.path("deviceid").asText());
    assertThat(InventorySchema.CURRENT.violations(inv)).isEmpty();
    assertThat(InventorySchema.STRICT_1_1_36.violations(inv)).isEmpty();
    for (String section : List.of("versionclient", "hardware", "operatingsystem", "cpus", "networks", "drives")) {
      assertThat(inv.path("content").has(section)).as(section).isTrue();
    }

    JsonNode state = targetState();
    assertThat(state.path("serverKind").asText()).isEqualTo("GLPI");
    assertThat(state.path("maxDelaySeconds").asLong()).isEqualTo(24 * 3600);

    // the identity is kept: a second run uses the same deviceid and agent id
    AgentRun again = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir()));
    assertThat(again.code).isZero();
    Recorded second = server.requests("contact").get(1);
    assertThat(second.deviceId()).isEqualTo(contact.deviceId());
    assertThat(second.header("glpi-agent-id")).isEqualTo(contact.header("glpi-agent-id"));
  }

  @Test
  void expirationWithAUnitSetsTheNextRun() throws Exception {
    server = FakeGlpiServer.start().expiration("6h");
    Instant before = Instant.now();
    assertThat(AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir())).code).isZero();
    JsonNode state = targetState();
    assertThat(state.path("maxDelaySeconds").asLong()).isEqualTo(6 * 3600);
    Duration untilNext = Duration.between(before, Instant.parse(state.path("nextRunDate").asText()));
    assertThat(untilNext).isBetween(Duration.ofHours(5), Duration.ofHours(6).plusMinutes(1));
  }

  @Test
  void legacyServerGetsThePrologAndAnXmlInventoryAndIsRemembered() throws Exception {
    server = FakeGlpiServer.start().legacy(true).prologFreq(12);
    AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir()));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(server.posts()).extracting(Recorded::action).containsExactly("contact", "prolog", "inventory");
    Recorded inv = server.requests("inventory").get(0);
    assertThat(inv.text()).startsWith("<?xml").contains("<QUERY>INVENTORY</QUERY>").contains("<HARDWARE>");
    assertThat(targetState().path("serverKind").asText()).isEqualTo("LEGACY");
    assertThat(targetState().path("maxDelaySeconds").asLong()).isEqualTo(12 * 3600);

    assertThat(AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir())).code).isZero();
    assertThat(server.posts()).extracting(Recorded::action)
        .containsExactly("contact", "prolog", "inventory", "prolog", "inventory");
  }

  @Test
  void withThePluginAnInventoryOnlyAgentNeedsNoExtraProlog() throws Exception {
    server = FakeGlpiServer.start().plugin(true)
        .queueOption("<OPTION><NAME>NETDISCOVERY</NAME><PARAM THREADS_DISCOVERY=\"1\" TIMEOUT=\"1\" PID=\"42\"/><RANGEIP ID=\"1\" IPSTART=\"127.0.0.1\" IPEND=\"127.0.0.1\" ENTITY=\"0\"/></OPTION>");
    // the plugin answers for netdiscovery only when the agent enables it: the test server announces it anyway
    AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir(), "--no-task", "netdiscovery,netinventory"));
    assertThat(r.code).as(r.toString()).isZero();
    // GLPI 11 with the plugin: inventory is served by glpi, so no extra PROLOG is needed with only inventory
    assertThat(server.posts()).extracting(Recorded::action).containsExactly("contact", "inventory");
  }

  @Test
  void serverSideNoCategoryAppliesToThatRunOnly() throws Exception {
    server = FakeGlpiServer.start().taskParams("inventory", "{\"no-category\":\"cpu,network\"}");
    assertThat(AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir())).code).isZero();
    JsonNode content = server.inventories().get(0).path("content");
    assertThat(content.has("cpus")).isFalse();
    assertThat(content.has("networks")).isFalse();
    assertThat(content.has("operatingsystem")).isTrue();
  }

  @Test
  void busyServerKeepsTheInventoryWhichIsSentFirstAfterARestart() throws Exception {
    server = FakeGlpiServer.start().fault("inventory", new Fault.Busy(503, "30s"));
    AgentRun busy = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir()));
    assertThat(busy.code).as(busy.toString()).isEqualTo(1);
    assertThat(busy.err).contains("busy server");
    assertThat(files("pending")).isEqualTo(1);
    Instant next = Instant.parse(targetState().path("nextRunDate").asText());
    assertThat(Duration.between(Instant.now(), next)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(31));

    AgentRun retry = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir()));
    assertThat(retry.code).as(retry.toString()).isZero();
    assertThat(files("pending")).isZero();
    assertThat(server.posts()).extracting(Recorded::action)
        .containsExactly("contact", "inventory", "contact", "inventory", "inventory");
    assertThat(server.requests("inventory").get(1).text()).isEqualTo(server.requests("inventory").get(0).text());
  }

  @Test
  void errorAnswerIsLoggedWithTheServersMessageAndItsExpirationHonoured() throws Exception {
    server = FakeGlpiServer.start().auth(FakeGlpiServer.Auth.BASIC);
    AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir()));
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err).contains("Authorization header required to send an inventory");
    Instant next = Instant.parse(targetState().path("nextRunDate").asText());
    assertThat(Duration.between(Instant.now(), next)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
  }

  @Test
  void basicAuthenticationOnA401AndThePasswordNeverLogged() throws Exception {
    server = FakeGlpiServer.start().auth(FakeGlpiServer.Auth.BASIC).basicCredentials("glpi", "S3cr3t-pw");
    AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir(), "--user", "glpi", "--password", "S3cr3t-pw", "--debug", "--debug"));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(server.inventories()).hasSize(1);
    assertThat(r.err).contains("POST").doesNotContain("S3cr3t-pw");
  }

  @Test
  void basicAuthenticationWithGlpi10WhoseChallengeIsMissing() throws Exception {
    server = FakeGlpiServer.start().version(FakeGlpiServer.Version.GLPI_10).auth(FakeGlpiServer.Auth.BASIC).basicCredentials("glpi", "pw10");
    AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir(), "--user", "glpi", "--password", "pw10"));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(server.requests("contact").get(0).code()).isEqualTo(401);
    assertThat(server.inventories()).hasSize(1);
  }

  @Test
  void oauth2ClientCredentialsTokenFetchedOnceAndReused() throws Exception {
    server = FakeGlpiServer.start().auth(FakeGlpiServer.Auth.CLIENT_CREDENTIALS).clientCredentials("cid", "csecret-123", 3600);
    AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri("front/inventory.php").toString(), vardir(),
        "--oauth-client-id", "cid", "--oauth-client-secret", "csecret-123", "--debug", "--debug"));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(server.tokenRequests()).isEqualTo(1);
    assertThat(server.inventories()).hasSize(1);
    assertThat(r.err).doesNotContain("csecret-123");
  }

  @Test
  void everyCompressionReachesTheServer() throws Exception {
    server = FakeGlpiServer.start();
    for (String c : List.of("gzip", "deflate", "br", "none")) {
      AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir(), "--compression", c));
      assertThat(r.code).as(c + "\n" + r).isZero();
    }
    assertThat(server.requests("contact")).extracting(x -> x.header("content-type"))
        .containsExactly("application/x-compress-gzip", "application/x-compress-deflate", "application/x-compress-br", "application/json");
    assertThat(server.inventories()).hasSize(4);
  }

  @Test
  void laterRunsSendPartialInventoriesOfChangedSectionsAndFullWithDashDashFull() throws Exception {
    server = FakeGlpiServer.start();
    String url = server.uri().toString();
    assertThat(AgentRun.run(dir, AgentRun.forServer(url, vardir(), "--no-category", "process,environment")).code).isZero();
    assertThat(AgentRun.run(dir, AgentRun.forServer(url, vardir(), "--no-category", "process,environment")).code).isZero();
    assertThat(AgentRun.run(dir, AgentRun.forServer(url, vardir(), "--no-category", "process,environment", "--full")).code).isZero();
    List<JsonNode> inv = server.inventories();
    assertThat(inv.get(0).has("partial")).isFalse();
    assertThat(inv.get(1).path("partial").asBoolean()).isTrue();
    assertThat(inv.get(1).path("content").has("softwares")).isFalse(); // unchanged between the runs
    assertThat(inv.get(1).path("content").has("hardware")).isTrue();
    assertThat(InventorySchema.CURRENT.violations(inv.get(1))).isEmpty();
    assertThat(inv.get(2).has("partial")).isFalse();
    assertThat(inv.get(2).path("content").has("softwares")).isTrue();
  }
}
