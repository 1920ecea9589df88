package org.glpiagent.tasks.netdiscovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.task.ResultSink;
import org.glpiagent.task.Submission;
import org.glpiagent.task.TaskContext;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.glpiagent.testkit.LocalSnmpd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery against a real net-snmp snmpd on loopback (installed by .ci/run). */
class SnmpDiscoveryTest {
  private static LocalSnmpd snmpd;
  @TempDir Path dir;
  private final List<ObjectNode> messages = new ArrayList<>();

  @BeforeAll
  static void startSnmpd() throws Exception {
    assumeTrue(LocalSnmpd.available(), "snmpd is not installed (apt-get install snmpd snmp)");
    snmpd = LocalSnmpd.shared();
  }


  private TaskContext context() {
    ResultSink sink = new ResultSink() {
      @Override
      public void submit(Submission s) {}

      @Override
      public synchronized void legacy(String query, ObjectNode content) {
        messages.add(content);
      }
    };
    return new TaskContext(AgentConfig.of(Map.of()), Clock.systemUTC(), sink, dir, "test-dev", "");
  }

  private DiscoveryJob job(String first, String last, List<Credential> credentials) {
    return new DiscoveryJob("42", 8, Duration.ofSeconds(1),
        List.of(new DiscoveryJob.Range("1", "0", IpRange.of(first, last), List.of(snmpd.port()))), credentials);
  }

  private List<String> kinds() {
    List<String> out = new ArrayList<>();
    for (ObjectNode m : messages) {
      out.add(m.has("DEVICE") ? "DEVICE"
          : java.util.stream.Stream.of("START", "NBIP", "END", "EXIT").filter(k -> m.path("AGENT").has(k)).findFirst().orElse("?"));
    }
    return out;
  }

  @Test
  void theWorkingCredentialIsFoundAndTheDeviceIdentified() throws Exception {
    List<Credential> creds = List.of(Credential.community("1", Credential.Version.V2C, "wrong"),
        Credential.community("2", Credential.Version.V2C, LocalSnmpd.COMMUNITY));
    try (SnmpClient snmp = new SnmpClient()) {
      var summary = NetDiscoveryTask.runJob(job("127.0.0.1", "127.0.0.1", creds), snmp, 0, context());
      assertThat(summary.found()).isEqualTo(1);
    }
    assertThat(kinds()).containsExactly("START", "NBIP", "DEVICE", "END");
    ObjectNode device = (ObjectNode) messages.get(2).get("DEVICE");
    assertThat(device.path("IP").asText()).isEqualTo("127.0.0.1");
    assertThat(device.path("AUTHSNMP").asText()).isEqualTo("2");
    assertThat(device.path("SNMPHOSTNAME").asText()).isEqualTo(LocalSnmpd.NAME);
    assertThat(device.path("LOCATION").asText()).isEqualTo(LocalSnmpd.LOCATION);
    assertThat(device.path("CONTACT").asText()).isEqualTo(LocalSnmpd.CONTACT);
    assertThat(device.path("DESCRIPTION").asText()).contains("Linux");
    assertThat(device.path("MANUFACTURER").asText()).isEqualTo("Net-SNMP");
    assertThat(device.path("TYPE").asText()).isEqualTo("COMPUTER");
    assertThat(device.path("AUTHPORT").asText()).isEqualTo(String.valueOf(snmpd.port()));
    assertThat(messages.get(0).path("PROCESSNUMBER").asText()).isEqualTo("42");
    assertThat(messages.get(1).path("AGENT").path("NBIP").asText()).isEqualTo("1");
  }

  @Test
  void snmpV1AndV3AuthPrivWork() throws Exception {
    Credential v3 = new Credential("3", Credential.Version.V3, null, LocalSnmpd.V3_USER, "SHA", LocalSnmpd.V3_AUTH, "AES", LocalSnmpd.V3_PRIV);
    try (SnmpClient snmp = new SnmpClient()) {
      NetDiscoveryTask.runJob(job("127.0.0.1", "127.0.0.1", List.of(v3)), snmp, 0, context());
      NetDiscoveryTask.runJob(job("127.0.0.1", "127.0.0.1", List.of(Credential.community("1", Credential.Version.V1, "public"))), snmp, 0, context());
    }
    List<String> auth = messages.stream().filter(m -> m.has("DEVICE")).map(m -> m.get("DEVICE").path("AUTHSNMP").asText()).toList();
    assertThat(auth).containsExactly("3", "1");
  }

  @Test
  void wrongV3PassphraseFindsNothing() throws Exception {
    Credential v3 = new Credential("3", Credential.Version.V3, null, LocalSnmpd.V3_USER, "SHA", "not-the-password", "AES", LocalSnmpd.V3_PRIV);
    try (SnmpClient snmp = new SnmpClient()) {
      var s = NetDiscoveryTask.runJob(job("127.0.0.1", "127.0.0.1", List.of(v3)), snmp, 0, context());
      assertThat(s.found()).isZero();
    }
    assertThat(kinds()).containsExactly("START", "NBIP", "END");
  }

  @Test
  void silentAddressesCostOneTimeoutInParallelNotInSequence() throws Exception {
    // 127.0.0.2-127.0.0.9 have no snmpd: each waits for the 1 s time-out, 8 at once
    long start = System.nanoTime();
    try (SnmpClient snmp = new SnmpClient()) {
      var s = NetDiscoveryTask.runJob(job("127.0.0.1", "127.0.0.9", List.of(Credential.community("2", Credential.Version.V2C, "public"))), snmp, 0, context());
      assertThat(s.found()).isEqualTo(1);
      assertThat(s.scanned()).isEqualTo(9);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void anIpv6AddressIsDiscoveredToo() throws Exception {
    assumeTrue(LocalSnmpd.ipv6Loopback(), "no IPv6 loopback here");
    try (SnmpClient snmp = new SnmpClient()) {
      var s = NetDiscoveryTask.runJob(job("::1", "::1", List.of(Credential.community("2", Credential.Version.V2C, "public"))), snmp, 0, context());
      assertThat(s.found()).isEqualTo(1);
    }
    ObjectNode device = (ObjectNode) messages.stream().filter(m -> m.has("DEVICE")).findFirst().orElseThrow().get("DEVICE");
    assertThat(device.path("IP").asText()).isEqualTo("::1");
    assertThat(device.path("SNMPHOSTNAME").asText()).isEqualTo(LocalSnmpd.NAME);
  }

  @Test
  void anAgentIsReachedOverTcpWhenTheRangeSaysSo() throws Exception {
    DiscoveryJob job = new DiscoveryJob("43", 2, Duration.ofSeconds(2),
        List.of(new DiscoveryJob.Range("1", "0", IpRange.of("127.0.0.1", "127.0.0.1"), List.of(snmpd.port()),
            org.glpiagent.tasks.snmp.Transport.TCP)),
        List.of(Credential.community("1", Credential.Version.V2C, LocalSnmpd.COMMUNITY)));
    try (SnmpClient snmp = new SnmpClient()) {
      assertThat(NetDiscoveryTask.runJob(job, snmp, 0, context()).found()).isEqualTo(1);
    }
    ObjectNode device = (ObjectNode) messages.stream().filter(m -> m.has("DEVICE")).findFirst().orElseThrow().get("DEVICE");
    assertThat(device.path("SNMPHOSTNAME").asText()).isEqualTo(LocalSnmpd.NAME);
    assertThat(device.path("AUTHPROTOCOL").asText()).isEqualTo("tcp");
  }

  @Test
  void aTransportNobodyKnowsIsRefusedByName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.glpiagent.tasks.snmp.Transport.of("sctp"))
        .hasMessageContaining("\"sctp\"");
    assertThat(org.glpiagent.tasks.snmp.Transport.of("TCP/ipv6")).isEqualTo(org.glpiagent.tasks.snmp.Transport.TCP);
    assertThat(org.glpiagent.tasks.snmp.Transport.of(null)).isEqualTo(org.glpiagent.tasks.snmp.Transport.UDP);
  }
}
