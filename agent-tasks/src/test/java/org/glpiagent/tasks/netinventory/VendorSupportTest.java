package org.glpiagent.tasks.netinventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glpiagent.protocol.XmlWriter;
import org.glpiagent.tasks.snmp.WalkFile;
import org.junit.jupiter.api.Test;

/** The reading rules the vendor supports share, and what the legacy message makes of what they add. */
class VendorSupportTest {
  private static final Path ROOT = Path.of("src/test/resources/snmp/netinventory");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSupportAppliesToItsSubtreeOnly() {
    assertThat(VendorSupport.under(".1.3.6.1.4.1.11.2.3.7.11.63", HpSwitchSupport.HP_ETHER_SWITCH)).isTrue();
    assertThat(VendorSupport.under("1.3.6.1.4.1.11.2.3.7.11", HpSwitchSupport.HP_ETHER_SWITCH)).isTrue();
    assertThat(VendorSupport.under("1.3.6.1.4.1.11.2.3.7.110.1", HpSwitchSupport.HP_ETHER_SWITCH)).isFalse();
    assertThat(VendorSupport.under(null, HpSwitchSupport.HP_ETHER_SWITCH)).isFalse();
    assertThat(new HpPrinterSupport().supports("1.3.6.1.4.1.11.2.3.9.1", null)).isTrue();
    assertThat(new HpPrinterSupport().supports("1.3.6.1.4.1.11.2.3.7.11.63", null)).isFalse();
    assertThat(new KyoceraSupport().supports("1.3.6.1.4.1.1347.41", null)).isTrue();
    assertThat(new RicohSupport().supports("1.3.6.1.4.1.367.1.1", null)).isTrue();
    assertThat(new ExtremeSupport().supports(".1.3.6.1.4.1.1916.2.253", null)).isTrue();
  }

  @Test
  void onlyWholeNonNegativeNumbersAreCounts() {
    assertThat(PageCounters.count("1802")).isEqualTo(1802L);
    assertThat(PageCounters.count(" 0 ")).isZero();
    assertThat(PageCounters.count("-1")).isNull();
    assertThat(PageCounters.count("-2")).isNull();
    assertThat(PageCounters.count("1802 pages")).isNull();
    assertThat(PageCounters.count("99999999999999999999999")).isNull();
    assertThat(PageCounters.count("")).isNull();
    assertThat(PageCounters.count(null)).isNull();
  }

  @Test
  void textSentAsHexBytesIsDecoded() {
    assertThat(Tables.text("4d:46:47:3a:48:50:3b")).isEqualTo("MFG:HP;");
    assertThat(Tables.text("N.11.75")).isEqualTo("N.11.75");
    assertThat(Tables.text("4d:4f:44:00:45:4c:0d:0a")).isEqualTo("MODEL");
    assertThat(Tables.text("01:12")).isEqualTo("01:12");
    assertThat(Tables.text("00:00")).isNull();
    assertThat(Tables.text("  ")).isNull();
    assertThat(Tables.text(null)).isNull();
  }

  @Test
  void anHpPrinterNamesItsModelInItsDeviceId() {
    assertThat(HpPrinterSupport.modelOfStatus("MFG:HP;MODEL:HP LaserJet M507; CLS:PRINTER;")).isEqualTo("HP LaserJet M507");
    assertThat(HpPrinterSupport.modelOfStatus("MFG:HP;MODEL:;")).isNull();
    assertThat(HpPrinterSupport.modelOfStatus("garbage")).isNull();
    assertThat(HpPrinterSupport.eeprom("HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI24090012"))
        .isEqualTo("JSI24090012");
    assertThat(HpPrinterSupport.eeprom("HP ETHERNET MULTI-ENVIRONMENT")).isNull();
  }

  @Test
  void theLegacyDeviceCarriesVendorCounters() throws Exception {
    String xml = legacyXml("ricoh-mfp", "PRINTER");
    assertThat(xml).contains("<PAGECOUNTERS>").contains("<TOTAL>80210</TOTAL>").contains("<COPYCOLOR>6050</COPYCOLOR>")
        .contains("<PRINTCOLOR>18840</PRINTCOLOR>").contains("<SCANNED>2850</SCANNED>").contains("<FAXTOTAL>320</FAXTOTAL>")
        .contains("<NAME>mfp-3rd-floor</NAME>");
    assertThat(legacyXml("hp-color-laserjet-mfp", "PRINTER")).contains("<DUPLEX>12034</DUPLEX>").contains("<COLOR>30112</COLOR>");
  }

  @Test
  void theLegacyDeviceCarriesEdpNeighboursAsCdpOnes() throws Exception {
    String xml = legacyXml("extreme-edp-switch", "NETWORKING");
    assertThat(xml).contains("<CDP>1</CDP>").contains("<SYSNAME>core-1</SYSNAME>").contains("<SYSMAC>00:04:96:01:02:03</SYSMAC>")
        .contains("<IP>10.9.0.2</IP>").doesNotContain("unmanaged-a").doesNotContain("short-index");
  }

  @Test
  void theHpSwitchReportsItsOwnCpuAndMemory() throws Exception {
    DeviceInventory.Result r = inventory("hp-procurve-switch", "NETWORKING");
    ObjectNode d = (ObjectNode) r.content().get("network_device");
    assertThat(d.get("cpu").asLong()).isEqualTo(7); // hpSwitchCpuStat, not hrProcessorLoad's 35
    assertThat(d.get("memory").asLong()).isEqualTo(56);
    assertThat(d.get("serial").asText()).isEqualTo("CN812ZX0AB");
  }

  private static DeviceInventory.Result inventory(String name, String type) throws Exception {
    return NetInventoryTask.inventory(WalkFile.parse(Files.readString(ROOT.resolve(name).resolve("walk"))), type);
  }

  private static String legacyXml(String name, String type) throws Exception {
    ObjectNode device = NetInventoryTask.legacyDevice(inventory(name, type), type);
    return new String(XmlWriter.request(JSON.createObjectNode().set("DEVICE", device)), StandardCharsets.UTF_8);
  }
}
