package org.glpiagent.tasks.netdiscovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.task.ResultSink;
import org.glpiagent.task.Submission;
import org.glpiagent.task.TaskContext;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.glpiagent.testkit.SnmpSim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Discovery of the devices recorded in Debian's snmpsim package, served by snmpsimd on loopback: each must be
 * found and identified as {@code src/test/resources/snmp/snmpsim/<name>.discovery.json} says (reviewed by
 * hand; {@code -Dfixtures.write=true} writes a missing one).
 */
class RecordedDevicesDiscoveryTest {
  private static final Path EXPECTED = Path.of("src/test/resources/snmp/snmpsim");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static SnmpSim sim;
  @TempDir Path dir;

  @BeforeAll
  static void startSimulator() throws Exception {
    assumeTrue(SnmpSim.available(), "snmpsim is not installed (apt-get install snmpsim)");
    sim = SnmpSim.shared();
  }

  static Stream<String> recordings() {
    return SnmpSim.RECORDINGS.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void theRecordedDeviceIsFoundAndIdentified(String community) throws Exception {
    List<ObjectNode> devices = new ArrayList<>();
    ResultSink sink = new ResultSink() {
      @Override
      public void submit(Submission s) {}

      @Override
      public synchronized void legacy(String query, ObjectNode content) {
        if (content.has("DEVICE")) {
          devices.add((ObjectNode) content.get("DEVICE"));
        }
      }
    };
    TaskContext context = new TaskContext(AgentConfig.of(Map.of()), Clock.systemUTC(), sink, dir, "test-dev", "");
    DiscoveryJob job = new DiscoveryJob("7", 1, Duration.ofSeconds(2),
        List.of(new DiscoveryJob.Range("1", "0", IpRange.of("127.0.0.1", "127.0.0.1"), List.of(sim.port()))),
        List.of(Credential.community("1", Credential.Version.V1, "not-" + community), Credential.community("2", Credential.Version.V2C, community)));
    try (SnmpClient snmp = new SnmpClient()) {
      NetDiscoveryTask.runJob(job, snmp, 0, context);
    }
    assertThat(devices).as("devices found").hasSize(1);
    ObjectNode device = devices.get(0);
    assertThat(device.path("AUTHSNMP").asText()).isEqualTo("2");
    assertThat(device.path("AUTHPORT").asText()).isEqualTo(String.valueOf(sim.port()));
    assertThat(device.path("DNSHOSTNAME").asText()).as("reverse DNS, or the address").isNotEmpty();
    // what depends on the machine and the run, not on the recording
    device.remove(List.of("AUTHPORT", "DNSHOSTNAME", "NETBIOSNAME", "WORKGROUP", "USERSESSION"));
    Path expected = EXPECTED.resolve(community + ".discovery.json");
    if (!Files.exists(expected) && Boolean.getBoolean("fixtures.write")) {
      Files.createDirectories(EXPECTED);
      JSON.writeValue(expected.toFile(), device);
    }
    assertThat(expected).exists();
    JsonNode want = JSON.readTree(expected.toFile());
    assertThat((JsonNode) device).isEqualTo(want);
  }
}
