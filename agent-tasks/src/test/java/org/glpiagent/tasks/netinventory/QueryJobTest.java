package org.glpiagent.tasks.netinventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.glpiagent.protocol.Json;
import org.glpiagent.protocol.Prolog;
import org.glpiagent.task.TaskException;
import org.glpiagent.tasks.snmp.Transport;
import org.junit.jupiter.api.Test;

class QueryJobTest {
  private static JsonNode option(String xml) throws Exception {
    return Prolog.Reply.parse(org.glpiagent.protocol.XmlTree.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))).options().get(0);
  }

  @Test
  void thePrologsSnmpQueryAsGlpiSendsIt() throws Exception {
    List<String> skipped = new ArrayList<>();
    QueryJob job = QueryJob.fromOption(option("<REPLY><OPTION><NAME>SNMPQUERY</NAME><PARAM THREADS_QUERY=\"10\" TIMEOUT=\"15\" PID=\"31\"/>"
        + "<DEVICE TYPE=\"PRINTER\" ID=\"4\" IP=\"192.168.200.124\" AUTHSNMP_ID=\"2\"/>"
        + "<DEVICE TYPE=\"NETWORKING\" ID=\"5\" IP=\"192.168.200.1\" AUTHSNMP_ID=\"9\"/>"
        + "<DEVICE TYPE=\"NETWORKING\" ID=\"6\" IP=\"\" AUTHSNMP_ID=\"2\"/>"
        + "<AUTHENTICATION ID=\"2\" VERSION=\"2c\" COMMUNITY=\"secret-community\"/></OPTION></REPLY>"), skipped);
    assertThat(job.pid()).isEqualTo("31");
    assertThat(job.workers()).isEqualTo(10);
    assertThat(job.timeout().toSeconds()).isEqualTo(15);
    assertThat(job.devices()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("4");
      assertThat(d.type()).isEqualTo("PRINTER");
      assertThat(d.port()).isEqualTo(161);
      assertThat(d.transport()).isEqualTo(Transport.UDP);
    });
    assertThat(skipped).hasSize(2).anyMatch(s -> s.contains("\"9\"")).anyMatch(s -> s.contains("device 6"));
    assertThat(String.join(" ", skipped)).doesNotContain("secret-community");
  }

  @Test
  void badJobsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> QueryJob.fromOption(option("<REPLY><OPTION><NAME>SNMPQUERY</NAME><DEVICE IP=\"10.0.0.1\"/></OPTION></REPLY>"), new ArrayList<>()))
        .isInstanceOf(TaskException.class).hasMessageContaining("PID");
    assertThatThrownBy(() -> QueryJob.fromOption(option("<REPLY><OPTION><NAME>SNMPQUERY</NAME><PARAM PID=\"3\"/></OPTION></REPLY>"), new ArrayList<>()))
        .hasMessageContaining("no device");
  }

  @Test
  void theTaskSchedulingProtocolsNetinventoryJobs() throws Exception {
    JsonNode tasks = Json.MAPPER.readTree("[{\"id\":\"t1\",\"jobs\":["
        + "{\"id\":\"j1\",\"type\":\"netdiscovery\",\"targets\":[]},"
        + "{\"id\":\"j2\",\"type\":\"netinventory\",\"workers\":3,\"targets\":["
        + "{\"host\":\"192.0.2.10\",\"type\":\"printer\",\"port\":\"1161\",\"protocol\":\"tcp\",\"credentials\":{\"version\":\"1\",\"community\":\"public\"}},"
        + "{\"host\":\"192.0.2.11\",\"credentials\":[{\"version\":\"3\",\"username\":\"u\",\"authprotocol\":\"sha\",\"authpassword\":\"a\"}]}]}]}]");
    List<QueryJob> jobs = QueryJob.fromTasks(tasks);
    assertThat(jobs).singleElement().satisfies(j -> {
      assertThat(j.pid()).isEqualTo("j2");
      assertThat(j.workers()).isEqualTo(3);
      assertThat(j.devices()).extracting(QueryJob.Device::ip).containsExactly("192.0.2.10", "192.0.2.11");
      assertThat(j.devices().get(0).transport()).isEqualTo(Transport.TCP);
      assertThat(j.devices().get(0).port()).isEqualTo(1161);
      assertThat(j.credentials().get(j.devices().get(1).credentialId()).username()).isEqualTo("u");
    });
    assertThatThrownBy(() -> QueryJob.fromTasks(Json.MAPPER.readTree(
        "[{\"id\":\"t\",\"jobs\":[{\"id\":\"j\",\"type\":\"netinventory\",\"targets\":[{\"host\":\"switch.example.com\"}]}]}]")))
        .hasMessageContaining("switch.example.com");
  }
}
