package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glpiagent.testkit.FakeGlpiServer;
import org.glpiagent.testkit.LocalSnmpd;
import org.glpiagent.testkit.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs of the task scheduling protocol, from a file or a server's tasks API, against a real snmpd. */
class ScheduledTasksEndToEndTest {
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

  private String tasks() {
    String cred = "{\"version\":\"2c\",\"community\":\"public\"}";
    String v3 = "{\"version\":\"3\",\"username\":\"" + LocalSnmpd.V3_USER + "\",\"authprotocol\":\"sha1\",\"authpassword\":\""
        + LocalSnmpd.V3_AUTH + "\",\"privprotocol\":\"aes\",\"privpassword\":\"" + LocalSnmpd.V3_PRIV + "\"}";
    return "{\"tasks\":[{\"id\":\"task1\",\"jobs\":["
        + "{\"id\":\"job1.1\",\"type\":\"netdiscovery\",\"workers\":2,\"targets\":["
        + "{\"network\":\"127.0.0.1-127.0.0.2\",\"workers\":2,\"timeout\":1,\"port\":\"" + snmpd.port() + "\",\"credentials\":[" + cred + "]},"
        + "{\"network\":\"127.0.0.1/32\",\"timeout\":1,\"port\":\"" + snmpd.port() + "\",\"credentials\":[" + v3 + "]}]},"
        + "{\"id\":\"job1.2\",\"type\":\"netinventory\",\"targets\":[{\"host\":\"127.0.0.1\"}]}]}],"
        + "\"nextContactTime\":1424763734}";
  }

  @Test
  void aTasksFileRunsItsDiscoveryJobsIntoALocalFolder() throws Exception {
    Path file = dir.resolve("tasks.json");
    Files.writeString(file, tasks());
    AgentRun r = AgentRun.run(dir, "--local", dir.resolve("out").toString(), "--tasks-file", file.toString(), "--tasks", "netdiscovery",
        "--force", "--vardir", dir.resolve("var").toString());
    assertThat(r.code).as(r.toString()).isZero();
    String device = Files.readString(dir.resolve("out/netdiscovery/127.0.0.1.json"));
    assertThat(device).contains(LocalSnmpd.NAME);
    assertThat(r.err).doesNotContain(LocalSnmpd.V3_AUTH).doesNotContain(LocalSnmpd.V3_PRIV);
  }

  @Test
  void aServersTasksApiIsAskedAndItsJobReportedUnderTheJobId() throws Exception {
    server = FakeGlpiServer.start().plugin(true).scheduledTasks("fusioninventory", tasks());
    AgentRun r = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), dir.resolve("var"), "--tasks", "netdiscovery"));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(server.requests()).extracting(Recorded::action).contains("tasks");
    List<Recorded> job = server.networkMessages("job1.1");
    assertThat(job.get(0).text()).contains("<START>1</START>");
    assertThat(job.get(1).text()).contains("<NBIP>3</NBIP>");
    assertThat(job.stream().filter(m -> m.text().contains("<DEVICE>")).count()).isEqualTo(2);
    assertThat(job.get(job.size() - 1).text()).contains("<END>1</END>");
  }

  @Test
  void aBadTasksFileIsAClearErrorAndTheRunFails() throws Exception {
    Path file = dir.resolve("tasks.json");
    Files.writeString(file, "{\"tasks\": [");
    AgentRun r = AgentRun.run(dir, "--local", dir.resolve("out").toString(), "--tasks-file", file.toString(), "--force", "--vardir", dir.resolve("var").toString());
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err).contains("tasks-file").contains("malformed JSON");
    Files.writeString(file, "{\"tasks\":[{\"id\":\"t\",\"jobs\":[{\"id\":\"j\",\"type\":\"netdiscovery\",\"targets\":[{\"network\":\"10.0.0.0/4\"}]}]}]}");
    AgentRun big = AgentRun.run(dir, "--local", dir.resolve("out").toString(), "--tasks-file", file.toString(), "--force", "--vardir", dir.resolve("var").toString());
    assertThat(big.code).isEqualTo(1);
    assertThat(big.err).contains("job j").contains("more than");
  }
}
