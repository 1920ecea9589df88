package org.glpiagent.tasks.netdiscovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.junit.jupiter.api.Test;

class AliveProbeTest {
  private static final DiscoveryJob.Range RANGE = new DiscoveryJob.Range("1", "3", IpRange.of("127.0.0.5", "127.0.0.5"), List.of(9));

  private static Optional<ObjectNode> scan(boolean up) throws Exception {
    try (SnmpClient snmp = new SnmpClient()) {
      Scanner s = new Scanner(snmp, Duration.ofMillis(300), 0, ip -> Optional.empty(), null,
          ip -> CompletableFuture.completedFuture(Optional.empty()), ip -> CompletableFuture.completedFuture(up));
      return s.scan(InetAddress.getByName("127.0.0.5"), RANGE, List.of(Credential.community("1", Credential.Version.V2C, "public"))).get();
    }
  }

  @Test
  void aHostThatAnswersOnlyThePingIsReportedWithItsAddress() throws Exception {
    Optional<ObjectNode> device = scan(true);
    assertThat(device).isPresent();
    assertThat(device.get().path("IP").asText()).isEqualTo("127.0.0.5");
    assertThat(device.get().path("ENTITY").asText()).isEqualTo("3");
    assertThat(device.get().has("AUTHSNMP")).isFalse();
  }

  @Test
  void aHostThatAnswersNothingIsNotReported() throws Exception {
    assertThat(scan(false)).isEmpty();
  }

  @Test
  void theSystemProbeReachesThisHostButLoopbackIsNeverProbedInASweep() throws Exception {
    assertThat(AliveProbe.reachable(InetAddress.getLoopbackAddress(), Duration.ofSeconds(2)).get()).isTrue();
    assertThat(AliveProbe.of(Duration.ofSeconds(2)).apply(InetAddress.getByName("127.0.0.9")).get()).isFalse();
  }
}
