package org.glpiagent.tasks.netinventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.glpiagent.tasks.snmp.Transport;
import org.glpiagent.testkit.InventorySchema;
import org.glpiagent.testkit.SnmpSim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Network inventory of the devices recorded in Debian's snmpsim package, served by snmpsimd on loopback: each
 * document must pass the inventory schema and say what {@code src/test/resources/snmp/snmpsim/<name>.inventory.json}
 * says (reviewed by hand; {@code -Dfixtures.write=true} writes a missing one).
 */
class RecordedDevicesInventoryTest {
  private static final Path EXPECTED = Path.of("src/test/resources/snmp/snmpsim");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static SnmpSim sim;

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
  void theRecordedDeviceIsInventoried(String community) throws Exception {
    DeviceInventory.Result r;
    try (SnmpClient snmp = new SnmpClient()) {
      LiveSource src = new LiveSource(snmp, InetAddress.getLoopbackAddress(), sim.port(), Transport.UDP,
          Credential.community("4", Credential.Version.V2C, community), Duration.ofSeconds(2), 1);
      r = DeviceInventory.collect(src, null, "4");
    }
    ObjectNode doc = NetInventoryTask.document("test-device-2026-11-22-10-00-00", r);
    assertThat(InventorySchema.CURRENT.violations(doc)).as(community).isEmpty();
    Path expected = EXPECTED.resolve(community + ".inventory.json");
    JsonNode content = JSON.readTree(JSON.writeValueAsString(doc.get("content"))); // numbers typed as a file read back types them
    if (!Files.exists(expected) && Boolean.getBoolean("fixtures.write")) {
      JSON.writeValue(expected.toFile(), content);
    }
    assertThat(expected).exists();
    assertThat(content).isEqualTo(JSON.readTree(expected.toFile()));
  }
}
