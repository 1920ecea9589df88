package org.glpiagent.tasks.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Agents that answer garbage, truncated or huge datagrams never crash or hang a request. */
class BadAgentTest {
  /** A UDP "agent" on loopback that answers every datagram with what {@code reply} makes of it. */
  private static DatagramSocket agent(java.util.function.Function<byte[], byte[]> reply) throws SocketException {
    DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      byte[] buf = new byte[65535];
      while (!s.isClosed()) {
        try {
          DatagramPacket in = new DatagramPacket(buf, buf.length);
          s.receive(in);
          byte[] out = reply.apply(java.util.Arrays.copyOf(in.getData(), in.getLength()));
          s.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
        } catch (java.io.IOException e) {
          return;
        }
      }
    }, "bad-agent");
    t.setDaemon(true);
    t.start();
    return s;
  }

  private static void expectNoAnswer(java.util.function.Function<byte[], byte[]> reply) throws Exception {
    try (DatagramSocket bad = agent(reply); SnmpClient c = new SnmpClient()) {
      long start = System.nanoTime();
      var f = c.get(InetAddress.getLoopbackAddress(), bad.getLocalPort(), Credential.community("1", Credential.Version.V2C, "public"),
          List.of("1.3.6.1.2.1.1.1.0"), Duration.ofMillis(500), 0);
      assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SnmpClient.NoAnswer.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void randomBytesAreNoAnswer() throws Exception {
    expectNoAnswer(req -> {
      byte[] b = new byte[200];
      new Random(7).nextBytes(b);
      return b;
    });
  }

  @Test
  void aTruncatedEchoIsNoAnswer() throws Exception {
    expectNoAnswer(req -> java.util.Arrays.copyOf(req, req.length / 2));
  }

  @Test
  void anOversizedDatagramIsNoAnswer() throws Exception {
    expectNoAnswer(req -> new byte[60_000]);
  }
}
