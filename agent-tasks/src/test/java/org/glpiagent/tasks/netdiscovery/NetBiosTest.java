package org.glpiagent.tasks.netdiscovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.task.ResultSink;
import org.glpiagent.task.Submission;
import org.glpiagent.task.TaskContext;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetBiosTest {
  @TempDir Path dir;

  /** A node status answer as Samba's nmbd sends it: a machine, its workgroup, a user, and its MAC. */
  static byte[] answer() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0x12, 0x34, (byte) 0x84, 0x00, 0, 0, 0, 1, 0, 0, 0, 0});
    byte[] q = NetBios.request(0);
    b.write(q, 12, 34); // the same encoded name as the question
    b.writeBytes(new byte[] {0, 0x21, 0, 1, 0, 0, 0, 0, 0, (byte) (1 + 3 * 18 + 46)});
    b.write(3);
    name(b, "PC-042", 0x00, 0x04);
    name(b, "WORKGROUP", 0x00, 0x84);
    name(b, "ALICE", 0x03, 0x04);
    b.writeBytes(new byte[] {0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e});
    b.writeBytes(new byte[40]);
    return b.toByteArray();
  }

  private static void name(ByteArrayOutputStream b, String n, int suffix, int flags) {
    byte[] padded = String.format("%-15s", n).getBytes(StandardCharsets.US_ASCII);
    b.writeBytes(padded);
    b.write(suffix);
    b.write(flags);
    b.write(0);
  }

  @Test
  void aNodeStatusAnswerGivesNameWorkgroupUserAndMac() {
    var s = NetBios.parse(answer()).orElseThrow();
    assertThat(s.name()).isEqualTo("PC-042");
    assertThat(s.workgroup()).isEqualTo("WORKGROUP");
    assertThat(s.user()).isEqualTo("ALICE");
    assertThat(s.mac()).isEqualTo("00:1a:2b:3c:4d:5e");
  }

  @Test
  void garbageOrTruncatedAnswersAreNothing() {
    assertThat(NetBios.parse(new byte[10])).isEmpty();
    byte[] a = answer();
    assertThat(NetBios.parse(java.util.Arrays.copyOf(a, 70))).isEmpty();
    byte[] junk = new byte[120];
    new java.util.Random(3).nextBytes(junk);
    assertThat(NetBios.parse(junk)).isEmpty();
  }

  @Test
  void aHostWithoutSnmpIsFoundByItsNetbiosAnswer() throws Exception {
    List<ObjectNode> messages = new CopyOnWriteArrayList<>();
    ResultSink sink = new ResultSink() {
      @Override
      public void submit(Submission s) {}

      @Override
      public void legacy(String query, ObjectNode content) {
        messages.add(content);
      }
    };
    try (DatagramSocket responder = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try {
          byte[] buf = new byte[100];
          DatagramPacket in = new DatagramPacket(buf, buf.length);
          responder.receive(in);
          byte[] out = answer();
          responder.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
        } catch (java.io.IOException e) {
          // closed
        }
      });
      t.setDaemon(true);
      t.start();
      int saved = NetDiscoveryTask.netbiosPort;
      NetDiscoveryTask.netbiosPort = responder.getLocalPort();
      try (SnmpClient snmp = new SnmpClient()) {
        DiscoveryJob job = new DiscoveryJob("5", 1, Duration.ofSeconds(1),
            List.of(new DiscoveryJob.Range("1", "0", IpRange.of("127.0.0.1", "127.0.0.1"), List.of(responder.getLocalPort()))),
            List.of(Credential.community("1", Credential.Version.V2C, "public")));
        var s = NetDiscoveryTask.runJob(job, snmp, 0,
            new TaskContext(AgentConfig.of(Map.of()), Clock.systemUTC(), sink, dir, "d", ""));
        assertThat(s.found()).isEqualTo(1);
      } finally {
        NetDiscoveryTask.netbiosPort = saved;
      }
    }
    ObjectNode device = (ObjectNode) messages.stream().filter(m -> m.has("DEVICE")).findFirst().orElseThrow().get("DEVICE");
    assertThat(device.path("NETBIOSNAME").asText()).isEqualTo("PC-042");
    assertThat(device.path("WORKGROUP").asText()).isEqualTo("WORKGROUP");
    assertThat(device.path("USERSESSION").asText()).isEqualTo("ALICE");
    assertThat(device.path("MAC").asText()).isEqualTo("00:1a:2b:3c:4d:5e");
    assertThat(device.has("SNMPHOSTNAME")).isFalse();
  }
}
