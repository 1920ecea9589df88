package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.glpiagent.testkit.FakeGlpiServer;
import org.glpiagent.testkit.LocalSnmpd;
import org.glpiagent.testkit.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network inventory job (SNMPQUERY) from a GLPI with the glpiinventory plugin, run by the real command against a real snmpd. */
class NetInventoryEndToEndTest {
  private static LocalSnmpd snmpd;
  @TempDir Path dir;
  private FakeGlpiServer server;

  @BeforeAll
  static void startSnmpd() throws Exception {
    assumeTrue(LocalSnmpd.available(), "snmpd is not installed (apt-get install snmpd snmp)");
    snmpd = LocalSnmpd.shared();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void thePluginsJobIsReadAndReportedDeviceByDevice() throws Exception {
    server = FakeGlpiServer.start().plugin(true).queueOption(
        "<OPTION><NAME>SNMPQUERY</NAME><PARAM THREADS_QUERY=\"2\" TIMEOUT=\"2\" PID=\"77\"/>"
            + "<DEVICE TYPE=\"NETWORKING\" ID=\"17\" IP=\"127.0.0.1\" AUTHSNMP_ID=\"2\" PORT=\"" + snmpd.port() + "\"/>"
            + "<DEVICE TYPE=\"NETWORKING\" ID=\"18\" IP=\"127.0.0.1\" AUTHSNMP_ID=\"1\" PORT=\"" + snmpd.port() + "\"/>"
            + "<DEVICE TYPE=\"PRINTER\" ID=\"19\" IP=\"not-an-ip\" AUTHSNMP_ID=\"2\"/>"
            + "<AUTHENTICATION ID=\"1\" VERSION=\"2c\" COMMUNITY=\"wrong\"/>"
            + "<AUTHENTICATION ID=\"2\" VERSION=\"3\" USERNAME=\"" + LocalSnmpd.V3_USER + "\" AUTHPROTOCOL=\"SHA\" AUTHPASSPHRASE=\""
            + LocalSnmpd.V3_AUTH + "\" PRIVPROTOCOL=\"AES\" PRIVPASSPHRASE=\"" + LocalSnmpd.V3_PRIV + "\"/></OPTION>");
    AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), dir.resolve("var"), "--no-category", "software,process"));
    assertThat(r.code).as(r.toString()).isZero();
    List<Recorded> job = server.networkMessages("77");
    assertThat(job).extracting(Recorded::code).allMatch(c -> c == 200);
    assertThat(job.get(0).text()).contains("<START>1</START>").contains("<QUERY>SNMPQUERY</QUERY>");
    assertThat(job.get(job.size() - 1).text()).contains("<END>1</END>");
    assertThat(job).hasSize(4);
    String read = job.stream().map(Recorded::text).filter(t -> t.contains("<ID>17</ID>")).findFirst().orElseThrow();
    assertThat(read).contains("<INFO>").contains("<NAME>" + LocalSnmpd.NAME + "</NAME>").contains("<LOCATION>" + LocalSnmpd.LOCATION + "</LOCATION>")
        .contains("<PORTS>").contains("<IFDESCR>lo</IFDESCR>").contains("<IP>127.0.0.1</IP>");
    String failed = job.stream().map(Recorded::text).filter(t -> t.contains("<ID>18</ID>")).findFirst().orElseThrow();
    assertThat(failed).contains("<ERROR>").contains("No response from remote host");
    assertThat(r.err).contains("not-an-ip");
    for (Recorded m : job) {
      assertThat(m.text()).doesNotContain(LocalSnmpd.V3_AUTH).doesNotContain(LocalSnmpd.V3_PRIV).doesNotContain("wrong");
    }
    assertThat(r.err).doesNotContain(LocalSnmpd.V3_AUTH).doesNotContain(LocalSnmpd.V3_PRIV);
  }

  @Test
  void theCommandLineToolPrintsASchemaValidInventory() throws Exception {
    AgentRun r = AgentRun.run(dir, "netinventory", "--host", "127.0.0.1", "--port", String.valueOf(snmpd.port()), "--timeout", "2",
        "--community", "wrong", "--community", LocalSnmpd.COMMUNITY, "--vardir", dir.resolve("var").toString());
    assertThat(r.code).as(r.toString()).isZero();
    com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out);
    assertThat(org.glpiagent.testkit.InventorySchema.CURRENT.violations(doc)).isEmpty();
    assertThat(doc.path("itemtype").asText()).isEqualTo("NetworkEquipment");
    assertThat(doc.path("content").path("network_device").path("name").asText()).isEqualTo(LocalSnmpd.NAME);
    assertThat(doc.path("content").path("network_device").path("credentials").asInt()).isEqualTo(2);
    assertThat(doc.path("content").path("network_ports").findValuesAsText("ifdescr")).contains("lo");

    AgentRun xml = AgentRun.run(dir, "netinventory", "--file", "../agent-tasks/src/test/resources/snmp/walks/net-snmp-5.9-linux.walk", "--xml",
        "--vardir", dir.resolve("var").toString());
    assertThat(xml.code).as(xml.toString()).isZero();
    assertThat(xml.out).contains("<QUERY>SNMPQUERY</QUERY>").contains("<INFO>").contains("<TYPE>");
  }

  @Test
  void badArgumentsAreRefusedWithTheReason() {
    AgentRun none = AgentRun.run(dir, "netinventory", "--vardir", dir.resolve("var").toString());
    assertThat(none.code).isEqualTo(2);
    assertThat(none.err).contains("--host");
    AgentRun host = AgentRun.run(dir, "netinventory", "--host", "switch.example.com", "--vardir", dir.resolve("var").toString());
    assertThat(host.code).isEqualTo(2);
    assertThat(host.err).contains("switch.example.com").contains("not an IP address");
    AgentRun walk = AgentRun.run(dir, "netinventory", "--file", dir.resolve("missing.walk").toString(), "--vardir", dir.resolve("var").toString());
    assertThat(walk.code).isEqualTo(2);
    assertThat(walk.err).contains("missing.walk");
    AgentRun silent = AgentRun.run(dir, "netinventory", "--host", "127.0.0.1", "--port", String.valueOf(snmpd.port()), "--timeout", "1",
        "--community", "wrong", "--vardir", dir.resolve("var").toString());
    assertThat(silent.code).isEqualTo(1);
    assertThat(silent.err).contains("no answer with any credential");
  }

  @Test
  void aScheduledJobFromATasksFileWritesEachDeviceIntoTheLocalFolder() throws Exception {
    Path file = dir.resolve("tasks.json");
    java.nio.file.Files.writeString(file, "{\"tasks\":[{\"id\":\"t1\",\"jobs\":[{\"id\":\"j9\",\"type\":\"netinventory\",\"workers\":2,"
        + "\"targets\":[{\"host\":\"127.0.0.1\",\"type\":\"NETWORKING\",\"port\":\"" + snmpd.port() + "\",\"timeout\":2,"
        + "\"credentials\":{\"version\":\"2c\",\"community\":\"" + LocalSnmpd.COMMUNITY + "\"}}]}]}]}");
    AgentRun r = AgentRun.run(dir, "--local", dir.resolve("out").toString(), "--tasks-file", file.toString(), "--tasks", "netinventory",
        "--force", "--vardir", dir.resolve("var").toString());
    assertThat(r.code).as(r.toString()).isZero();
    String device = java.nio.file.Files.readString(dir.resolve("out/netinventory/127.0.0.1.json"));
    assertThat(device).contains("\"NAME\" : \"" + LocalSnmpd.NAME + "\"").contains("\"PORTS\"");
  }
}
