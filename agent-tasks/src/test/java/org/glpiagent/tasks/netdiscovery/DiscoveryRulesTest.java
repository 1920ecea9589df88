package org.glpiagent.tasks.netdiscovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glpiagent.protocol.Prolog;
import org.glpiagent.protocol.XmlTree;
import org.glpiagent.task.TaskException;
import org.glpiagent.tasks.snmp.Credential;
import org.junit.jupiter.api.Test;

class DiscoveryRulesTest {
  /** The glpiinventory plugin's NETDISCOVERY answer, from shared/glpi/server-answers.txt. */
  static final String PLUGIN_ANSWER =
      "<?xml version=\"1.0\"?>\n<REPLY><PROLOG_FREQ>24</PROLOG_FREQ><RESPONSE>SEND</RESPONSE><OPTION><NAME>NETDISCOVERY</NAME><PARAM THREADS_DISCOVERY=\"20\" TIMEOUT=\"1\" PID=\"42\"/><RANGEIP ID=\"1\" IPSTART=\"192.168.1.1\" IPEND=\"192.168.1.254\" ENTITY=\"0\"/><AUTHENTICATION><ID>1</ID><VERSION>1</VERSION><COMMUNITY>public</COMMUNITY></AUTHENTICATION><AUTHENTICATION><ID>2</ID><VERSION>2c</VERSION><COMMUNITY>public</COMMUNITY></AUTHENTICATION><AUTHENTICATION><ID>3</ID><VERSION>3</VERSION><USERNAME>snmpuser</USERNAME><AUTHPROTOCOL>SHA</AUTHPROTOCOL><AUTHPASSPHRASE>authpass</AUTHPASSPHRASE><PRIVPROTOCOL>AES</PRIVPROTOCOL><PRIVPASSPHRASE>privpass</PRIVPASSPHRASE></AUTHENTICATION></OPTION></REPLY>";

  private static JsonNode option(String reply) throws Exception {
    return Prolog.Reply.parse(XmlTree.parse(reply.getBytes(StandardCharsets.UTF_8))).options().get(0);
  }

  @Test
  void thePluginsJobIsReadWithItsThreeCredentials() throws Exception {
    DiscoveryJob job = DiscoveryJob.fromOption(option(PLUGIN_ANSWER), new ArrayList<>());
    assertThat(job.pid()).isEqualTo("42");
    assertThat(job.workers()).isEqualTo(20);
    assertThat(job.timeout().toSeconds()).isEqualTo(1);
    assertThat(job.size()).isEqualTo(254);
    assertThat(job.credentials()).extracting(Credential::id).containsExactly("1", "2", "3");
    assertThat(job.credentials().get(2).version()).isEqualTo(Credential.Version.V3);
    assertThat(job.credentials().get(2).toString()).doesNotContain("authpass").doesNotContain("privpass");
    assertThat(job.credentials().get(0).toString()).doesNotContain("public");
    assertThat(job.ranges().get(0).ports()).containsExactly(161);
  }

  @Test
  void aRangeMayAskForTcpAndAnotherPort() throws Exception {
    DiscoveryJob job = DiscoveryJob.fromOption(option("<REPLY><OPTION><NAME>NETDISCOVERY</NAME><PARAM PID=\"7\"/>"
        + "<RANGEIP ID=\"1\" IPSTART=\"10.0.0.1\" IPEND=\"10.0.0.2\" PORT=\"1161\" PROTOCOL=\"tcp/ipv4\"/>"
        + "<RANGEIP ID=\"2\" IPSTART=\"10.0.1.1\" IPEND=\"10.0.1.2\"/></OPTION></REPLY>"), new ArrayList<>());
    assertThat(job.ranges().get(0).transport()).isEqualTo(org.glpiagent.tasks.snmp.Transport.TCP);
    assertThat(job.ranges().get(0).ports()).containsExactly(1161);
    assertThat(job.ranges().get(1).transport()).isEqualTo(org.glpiagent.tasks.snmp.Transport.UDP);
    assertThatThrownBy(() -> DiscoveryJob.fromOption(option("<REPLY><OPTION><NAME>NETDISCOVERY</NAME><PARAM PID=\"7\"/>"
        + "<RANGEIP IPSTART=\"10.0.0.1\" IPEND=\"10.0.0.2\" PROTOCOL=\"carrier-pigeon\"/></OPTION></REPLY>"), new ArrayList<>()))
        .isInstanceOf(TaskException.class).hasMessageContaining("carrier-pigeon");
  }

  @Test
  void badJobsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> DiscoveryJob.fromOption(option("<REPLY><OPTION><NAME>NETDISCOVERY</NAME><RANGEIP IPSTART=\"10.0.0.1\" IPEND=\"10.0.0.2\"/></OPTION></REPLY>"), new ArrayList<>()))
        .isInstanceOf(TaskException.class).hasMessageContaining("PARAM");
    assertThatThrownBy(() -> DiscoveryJob.fromOption(option("<REPLY><OPTION><NAME>NETDISCOVERY</NAME><PARAM PID=\"7\"/></OPTION></REPLY>"), new ArrayList<>()))
        .hasMessageContaining("no RANGEIP");
    assertThatThrownBy(() -> DiscoveryJob.fromOption(option("<REPLY><OPTION><NAME>NETDISCOVERY</NAME><PARAM PID=\"7\"/><RANGEIP IPSTART=\"10.0.0.9\" IPEND=\"10.0.0.1\"/></OPTION></REPLY>"), new ArrayList<>()))
        .hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> DiscoveryJob.fromOption(option("<REPLY><OPTION><NAME>NETDISCOVERY</NAME><PARAM PID=\"7\"/><RANGEIP IPSTART=\"example.com\" IPEND=\"10.0.0.1\"/></OPTION></REPLY>"), new ArrayList<>()))
        .hasMessageContaining("not an IP address");
  }

  @Test
  void unusableCredentialsAreSkippedAndSaid() throws Exception {
    List<String> skipped = new ArrayList<>();
    DiscoveryJob job = DiscoveryJob.fromOption(option("<REPLY><OPTION><NAME>NETDISCOVERY</NAME><PARAM PID=\"7\"/><RANGEIP IPSTART=\"10.0.0.1\" IPEND=\"10.0.0.1\" PORT=\"161,1161,x\"/>"
        + "<AUTHENTICATION ID=\"1\" VERSION=\"2c\"/><AUTHENTICATION ID=\"2\" VERSION=\"3\"/><AUTHENTICATION ID=\"3\" TYPE=\"ssh\" USERNAME=\"u\"/><AUTHENTICATION ID=\"4\" VERSION=\"2c\" COMMUNITY=\"ok\"/></OPTION></REPLY>"), skipped);
    assertThat(job.credentials()).extracting(Credential::id).containsExactly("4");
    assertThat(skipped).hasSize(3);
    assertThat(job.ranges().get(0).ports()).containsExactly(161, 1161);
  }

  @Test
  void rangesAndCidrs() {
    assertThat(IpRange.parse("192.0.2.0/24").size()).isEqualTo(254);
    assertThat(IpRange.parse("192.0.2.0/31").size()).isEqualTo(2);
    assertThat(IpRange.parse("10.0.0.250-10.0.1.5").size()).isEqualTo(12);
    assertThat(IpRange.parse("2001:db8::/120").size()).isEqualTo(256);
    List<String> walked = new ArrayList<>();
    for (InetAddress a : IpRange.parse("10.0.0.254-10.0.1.1")) {
      walked.add(a.getHostAddress());
    }
    assertThat(walked).containsExactly("10.0.0.254", "10.0.0.255", "10.0.1.0", "10.0.1.1");
    assertThatThrownBy(() -> IpRange.parse("10.0.0.0/4")).hasMessageContaining("more than");
    assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> IpRange.of("10.0.0.1", "::1")).hasMessageContaining("family");
  }

  @Test
  void identificationFromEnterpriseMibsAndDescription() {
    assertThat(Identification.manufacturer("1.3.6.1.4.1.9.1.1208")).contains("Cisco");
    assertThat(Identification.manufacturer(".1.3.6.1.4.1.8072.3.2.10")).contains("Net-SNMP");
    assertThat(Identification.manufacturer("1.3.6.1.2.1.1")).isEmpty();
    assertThat(Identification.type("1.3.6.1.4.1.11.2.3.9.1", "HP ETHERNET MULTI-ENVIRONMENT", true, false)).isEqualTo("PRINTER");
    assertThat(Identification.type("1.3.6.1.4.1.8072.3.2.10", "Linux host", false, true)).isEqualTo("NETWORKING");
    assertThat(Identification.type("1.3.6.1.4.1.8072.3.2.10", "Linux host", false, false)).isEqualTo("COMPUTER");
    assertThat(Identification.type("1.3.6.1.4.1.99999.1", "Acme 24-port Switch", false, false)).isEqualTo("NETWORKING");
  }

  @Test
  void deviceFromWhatAnswered() {
    var d = Scanner.device(
        Map.of(Scanner.SYS_DESCR, "Cisco IOS Software", Scanner.SYS_OBJECT_ID, "1.3.6.1.4.1.9.1.1208", Scanner.SYS_NAME, "core-sw1",
            Scanner.SYS_LOCATION, "DC1", Scanner.SYS_UPTIME, "238 days, 19:26:54.00"),
        Map.of(Scanner.BRIDGE_ADDRESS, "10:BD:18:BC:D0:7C", Scanner.ENT_SERIAL, "FOC1234X0AB", Scanner.ENT_MODEL, "WS-C2960X-48FPD-L"),
        "2", 161);
    assertThat(d.path("TYPE").asText()).isEqualTo("NETWORKING");
    assertThat(d.path("MANUFACTURER").asText()).isEqualTo("Cisco");
    assertThat(d.path("MAC").asText()).isEqualTo("10:bd:18:bc:d0:7c");
    assertThat(d.path("SERIAL").asText()).isEqualTo("FOC1234X0AB");
    assertThat(d.path("MODEL").asText()).isEqualTo("WS-C2960X-48FPD-L");
    assertThat(d.path("AUTHSNMP").asText()).isEqualTo("2");
    assertThat(d.has("AUTHPORT")).isFalse();
  }

  @Test
  void arpCacheKeepsCompleteEntriesOnly() {
    var m = ArpCache.parse("IP address       HW type     Flags       HW address            Mask     Device\n"
        + "192.0.2.1        0x1         0x2         02:FC:00:00:00:AA     *        eth0\n"
        + "192.0.2.9        0x1         0x0         00:00:00:00:00:00     *        eth0\n");
    assertThat(m).containsExactly(Map.entry("192.0.2.1", "02:fc:00:00:00:aa"));
  }

  /** The seed's example (shared/seeds/task-scheduling-protocol.md) written as JSON. */
  static final String SEED = "{\"tasks\":[{\"id\":\"task1\",\"jobs\":["
      + "{\"id\":\"job1.1\",\"type\":\"netdiscovery\",\"workers\":2,\"targets\":["
      + "{\"network\":\"192.168.0.0/24\",\"workers\":10,\"timeout\":5,\"credentials\":[{\"version\":\"2c\",\"community\":\"public\"},{\"version\":\"1\",\"community\":\"public\"}]},"
      + "{\"network\":\"192.168.1.1-192.168.1.254\",\"workers\":5,\"timeout\":2,\"credentials\":[{\"version\":\"3\",\"username\":\"foo\",\"authprotocol\":\"sha1\",\"authpassword\":\"bar\"}]}]},"
      + "{\"id\":\"job1.2\",\"type\":\"netinventory\",\"workers\":2,\"targets\":[{\"host\":\"192.168.1.1\"}]}]},"
      + "{\"id\":\"task3\",\"jobs\":[{\"id\":\"job31\",\"type\":\"inventory\"},"
      + "{\"id\":\"job32\",\"type\":\"netdiscovery\",\"targets\":[{\"network\":\"10.1.0.0/30\",\"credentials\":{\"version\":\"2c\",\"community\":\"x\"}}]}]}],"
      + "\"nextContactTime\":1424763734}";

  @Test
  void seedTasksGiveTheDiscoveryJobsInOrderWithTheirWorkers() throws Exception {
    var tasks = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SEED).path("tasks");
    List<ScheduledJob> jobs = ScheduledJob.fromTasks(tasks);
    assertThat(jobs).extracting(ScheduledJob::id).containsExactly("job1.1", "job32");
    ScheduledJob first = jobs.get(0);
    assertThat(first.workers()).isEqualTo(2);
    assertThat(first.targets()).extracting(DiscoveryJob::workers).containsExactly(10, 5);
    assertThat(first.targets()).extracting(t -> t.timeout().toSeconds()).containsExactly(5L, 2L);
    assertThat(first.size()).isEqualTo(254 + 254);
    assertThat(first.targets().get(1).credentials().get(0).authProtocol()).isEqualTo("sha1");
    // no job-level workers: targets one after the other; a single credentials object is accepted too
    assertThat(jobs.get(1).workers()).isEqualTo(1);
    assertThat(jobs.get(1).targets().get(0).credentials()).hasSize(1);
  }

  @Test
  void aScheduledJobWithoutTargetsOrWithABadNetworkIsRefused() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThatThrownBy(() -> ScheduledJob.fromTasks(mapper.readTree("[{\"id\":\"t\",\"jobs\":[{\"id\":\"j\",\"type\":\"netdiscovery\"}]}]")))
        .hasMessageContaining("job j: no targets");
    assertThatThrownBy(() -> ScheduledJob.fromTasks(mapper.readTree("[{\"id\":\"t\",\"jobs\":[{\"id\":\"j\",\"type\":\"netdiscovery\",\"targets\":[{\"network\":\"bogus\"}]}]}]")))
        .hasMessageContaining("bogus");
  }

  @Test
  void addressesAreWrittenShort() throws Exception {
    assertThat(Scanner.address(InetAddress.getByName("::1"))).isEqualTo("::1");
    assertThat(Scanner.address(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
    assertThat(Scanner.address(InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
  }
}
