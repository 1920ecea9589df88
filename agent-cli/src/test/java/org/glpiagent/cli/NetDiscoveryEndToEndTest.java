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

/** A discovery job from a GLPI with the glpiinventory plugin, run by the real command against a real snmpd. */
class NetDiscoveryEndToEndTest {
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
  void thePluginsJobIsSweptAndReportedWithItsPid() throws Exception {
    server = FakeGlpiServer.start().plugin(true).queueOption(
        "<OPTION><NAME>NETDISCOVERY</NAME><PARAM THREADS_DISCOVERY=\"4\" TIMEOUT=\"1\" PID=\"42\"/>"
            + "<RANGEIP ID=\"1\" IPSTART=\"127.0.0.1\" IPEND=\"127.0.0.3\" ENTITY=\"0\" PORT=\"" + snmpd.port() + "\"/>"
            + "<AUTHENTICATION ID=\"1\" VERSION=\"2c\" COMMUNITY=\"nope\"/>"
            + "<AUTHENTICATION ID=\"2\" VERSION=\"2c\" COMMUNITY=\"public\"/></OPTION>");
    AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), dir.resolve("var"), "--no-category", "software,process"));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(server.posts()).extracting(Recorded::action).startsWith("contact", "prolog", "inventory");
    List<Recorded> job = server.networkMessages("42");
    assertThat(job).extracting(Recorded::code).allMatch(c -> c == 200);
    assertThat(job.get(0).text()).contains("<START>1</START>").contains("<MODULEVERSION>");
    assertThat(job.get(1).text()).contains("<NBIP>3</NBIP>");
    assertThat(job.get(2).text()).contains("<DEVICE>").contains("<IP>127.0.0.1</IP>").contains("<AUTHSNMP>2</AUTHSNMP>")
        .contains("<SNMPHOSTNAME>" + LocalSnmpd.NAME + "</SNMPHOSTNAME>");
    assertThat(job.get(job.size() - 1).text()).contains("<END>1</END>");
    assertThat(job).hasSize(4);
    for (Recorded m : job) {
      assertThat(m.header("glpi-agent-id")).isNull();
      assertThat(m.text()).doesNotContain("public");
    }
    assertThat(r.err).doesNotContain("public");
  }

  @Test
  void theCommandLineToolPrintsOrSavesTheDevices() throws Exception {
    AgentRun printed = AgentRun.run(dir, "netdiscovery", "--first", "127.0.0.1", "--last", "127.0.0.2", "--port", String.valueOf(snmpd.port()),
        "--threads", "2", "--community", "wrong", "--community", "public", "--vardir", dir.resolve("var").toString());
    assertThat(printed.code).as(printed.toString()).isZero();
    assertThat(printed.out).contains("<SNMPHOSTNAME>" + LocalSnmpd.NAME + "</SNMPHOSTNAME>").contains("<AUTHSNMP>2</AUTHSNMP>").doesNotContain("<START>");
    assertThat(printed.err).contains("1 devices found among 2 addresses");

    AgentRun saved = AgentRun.run(dir, "netdiscovery", "--network", "127.0.0.0/30", "--port", String.valueOf(snmpd.port()), "--threads", "4",
        "--credentials", "version:3,username:" + LocalSnmpd.V3_USER + ",authprotocol:sha,authpassword:" + LocalSnmpd.V3_AUTH
            + ",privprotocol:aes,privpassword:" + LocalSnmpd.V3_PRIV,
        "--save", dir.resolve("out").toString(), "--vardir", dir.resolve("var").toString());
    assertThat(saved.code).as(saved.toString()).isZero();
    String json = java.nio.file.Files.readString(dir.resolve("out/netdiscovery/127.0.0.1.json"));
    assertThat(json).contains("\"SNMPHOSTNAME\" : \"" + LocalSnmpd.NAME + "\"");
    assertThat(saved.err + saved.out).doesNotContain(LocalSnmpd.V3_AUTH).doesNotContain(LocalSnmpd.V3_PRIV);
  }

  @Test
  void withInventoryEachDeviceThatAnsweredIsReadInFull() throws Exception {
    AgentRun printed = AgentRun.run(dir, "netdiscovery", "--first", "127.0.0.1", "--last", "127.0.0.1", "--port", String.valueOf(snmpd.port()),
        "--community", "wrong", "--community", "public", "--inventory", "--vardir", dir.resolve("var").toString());
    assertThat(printed.code).as(printed.toString()).isZero();
    assertThat(printed.out).contains("<QUERY>NETDISCOVERY</QUERY>").contains("<QUERY>SNMPQUERY</QUERY>").contains("<PORTS>")
        .contains("<NAME>" + LocalSnmpd.NAME + "</NAME>");
    assertThat(printed.err).contains("1 of 1 devices inventoried");

    AgentRun saved = AgentRun.run(dir, "netdiscovery", "--first", "127.0.0.1", "--last", "127.0.0.1", "--port", String.valueOf(snmpd.port()),
        "--inventory", "--save", dir.resolve("out").toString(), "--vardir", dir.resolve("var").toString());
    assertThat(saved.code).as(saved.toString()).isZero();
    com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(dir.resolve("out/netinventory/127.0.0.1.json").toFile());
    assertThat(org.glpiagent.testkit.InventorySchema.CURRENT.violations(doc)).isEmpty();
    assertThat(doc.path("content").path("network_device").path("name").asText()).isEqualTo(LocalSnmpd.NAME);
  }

  @Test
  void aRecordedWalkIsIdentifiedOffline() throws Exception {
    Path walk = Path.of("../agent-tasks/src/test/resources/snmp/walks/net-snmp-5.9-linux.walk");
    AgentRun r = AgentRun.run(dir, "netdiscovery", "--file", walk.toString(), "--first", "192.0.2.10", "--vardir", dir.resolve("var").toString());
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("<SNMPHOSTNAME>walk-capture</SNMPHOSTNAME>").contains("<MANUFACTURER>Net-SNMP</MANUFACTURER>")
        .contains("<TYPE>COMPUTER</TYPE>").contains("<IP>192.0.2.10</IP>");
    java.nio.file.Files.writeString(dir.resolve("empty.walk"), "nothing here\n");
    assertThat(AgentRun.run(dir, "netdiscovery", "--file", dir.resolve("empty.walk").toString()).code).isEqualTo(2);
    assertThat(AgentRun.run(dir, "netdiscovery", "--file", dir.resolve("missing.walk").toString()).err).contains("cannot read");
  }

  @Test
  void badArgumentsExitWithTwo() {
    assertThat(AgentRun.run(dir, "netdiscovery").code).isEqualTo(2);
    AgentRun r = AgentRun.run(dir, "netdiscovery", "--first", "not-an-ip");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("not an IP address");
    assertThat(AgentRun.run(dir, "netdiscovery", "--network", "10.0.0.0/4").err).contains("more than");
    AgentRun secret = AgentRun.run(dir, "netdiscovery", "--first", "127.0.0.1", "--credentials", "version:3,authpassword");
    assertThat(secret.code).isEqualTo(2);
  }
}
