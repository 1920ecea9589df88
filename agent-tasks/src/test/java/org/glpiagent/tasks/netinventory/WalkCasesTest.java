package org.glpiagent.tasks.netinventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.glpiagent.tasks.snmp.WalkFile;
import org.glpiagent.testkit.InventorySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case folder of {@code src/test/resources/snmp/netinventory}: the walk read back gives the expected inventory. */
class WalkCasesTest {
  private static final Path ROOT = Path.of("src/test/resources/snmp/netinventory");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(ROOT)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("walk"))).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theWalkGivesTheExpectedInventory(Path dir) throws Exception {
    String type = Files.exists(dir.resolve("type")) ? Files.readString(dir.resolve("type")).strip() : null;
    DeviceInventory.Result r = NetInventoryTask.inventory(WalkFile.parse(Files.readString(dir.resolve("walk"))), type);
    ObjectNode doc = NetInventoryTask.document("test-2026-11-22-10-00-00", r);
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    JsonNode content = JSON.readTree(JSON.writeValueAsString(doc.get("content")));
    Path expected = dir.resolve("expected.json");
    if (!Files.exists(expected) && Boolean.getBoolean("fixtures.write")) {
      JSON.writeValue(expected.toFile(), content);
    }
    assertThat(expected).exists();
    assertThat(content).isEqualTo(JSON.readTree(expected.toFile()));
  }

  @Test
  void suppliesAreNamedAsGlpiNamesThem() {
    assertThat(Supplies.name("Black Cartridge HP CF289A")).isEqualTo("tonerblack");
    assertThat(Supplies.name("Cyan Toner")).isEqualTo("tonercyan");
    assertThat(Supplies.name("Magenta ink")).isEqualTo("cartridgemagenta");
    assertThat(Supplies.name("Imaging Drum Yellow")).isEqualTo("drumyellow");
    assertThat(Supplies.name("Waste Toner Box")).isEqualTo("wastetoner");
    assertThat(Supplies.name("Fuser Kit")).isEqualTo("fuserkit");
    assertThat(Supplies.name("Staples")).isNull();
    assertThat(Supplies.name(null)).isNull();
  }

  @Test
  void aWalkThatIsNoDeviceIsAnError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NetInventoryTask.inventory(WalkFile.parse(".1.3.6.1.2.1.2.2.1.2.1 = STRING: \"eth0\""), null))
        .hasMessageContaining("system group");
  }

  @Test
  void theLegacyDeviceCarriesThePrintersCountersAndSupplies() throws Exception {
    Path dir = ROOT.resolve("hp-laserjet-printer");
    DeviceInventory.Result r = NetInventoryTask.inventory(WalkFile.parse(Files.readString(dir.resolve("walk"))), "PRINTER");
    ObjectNode device = NetInventoryTask.legacyDevice(r, "PRINTER");
    String xml = new String(org.glpiagent.protocol.XmlWriter.request(JSON.createObjectNode().set("DEVICE", device)), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(xml).contains("<TYPE>PRINTER</TYPE>").contains("<SERIAL>PHCVN191TG</SERIAL>").contains("<TONERBLACK>71</TONERBLACK>")
        .contains("<TOTAL>1802</TOTAL>").contains("<IFINOCTETS>123456789</IFINOCTETS>").contains("<IP>10.59.29.175</IP>");
  }

  @Test
  void valuesOutOfTheirRangeAreLeftOutSoThatGlpiTakesTheRest() throws Exception {
    // found fuzzing: ifOperStatus 0 or an address 999.0.2.10 made GLPI's schema refuse the whole inventory; a
    // 19-digit counter threw
    WalkFile walk = WalkFile.parse(String.join("\n",
        ".1.3.6.1.2.1.1.1.0 = STRING: \"odd switch\"",
        ".1.3.6.1.2.1.1.5.0 = STRING: \"sw1\"",
        ".1.3.6.1.2.1.2.2.1.1.1 = INTEGER: 1",
        ".1.3.6.1.2.1.2.2.1.2.1 = STRING: \"port 1\"",
        ".1.3.6.1.2.1.2.2.1.7.1 = INTEGER: 9",
        ".1.3.6.1.2.1.2.2.1.8.1 = INTEGER: 0",
        ".1.3.6.1.2.1.2.2.1.10.1 = Counter32: 9999999999999999999",
        ".1.3.6.1.2.1.10.7.2.1.19.1 = INTEGER: 4",
        ".1.3.6.1.2.1.31.1.1.1.15.1 = Gauge32: 9223372036854775",
        ".1.3.6.1.2.1.4.20.1.2.192.0.2.10 = INTEGER: 1",
        ".1.3.6.1.2.1.4.20.1.2.999.0.2.10 = INTEGER: 1",
        ".1.3.6.1.2.1.4.20.1.2.192.0.2.010 = INTEGER: 1",
        ""));
    DeviceInventory.Result r = NetInventoryTask.inventory(walk, null);
    assertThat(InventorySchema.CURRENT.violations(NetInventoryTask.document("test-2026-11-22-10-00-00", r))).isEmpty();
    JsonNode port = r.content().path("network_ports").get(0);
    assertThat(port.path("ifdescr").asText()).isEqualTo("port 1");
    assertThat(port.has("ifstatus")).isFalse();
    assertThat(port.has("ifinternalstatus")).isFalse();
    assertThat(port.has("ifportduplex")).isFalse();
    assertThat(port.has("ifinbytes")).isFalse();
    assertThat(port.has("ifspeed")).isFalse();
    assertThat(port.path("ips")).extracting(JsonNode::asText).containsExactly("192.0.2.10");
  }
}
