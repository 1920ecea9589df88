package org.glpiagent.tasks.netinventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glpiagent.tasks.netdiscovery.NetDiscoveryTask;
import org.glpiagent.tasks.snmp.WalkFile;
import org.glpiagent.testkit.InventorySchema;

/**
 * What an SNMP device answers, as the values of a walk, from any text: the network inventory of it
 * ({@link DeviceInventory} with every vendor support) is a document GLPI's schema accepts or an {@link IOException}
 * (not a device), and the discovery of it ({@code Identification}) a device; nothing else. A first line
 * {@code type=PRINTER} is GLPI's type hint. Seeds: the recorded devices of {@code snmp/netinventory}.
 */
class DeviceInventoryFuzzTest {
  @FuzzTest
  void walk(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    String type = text.startsWith("type=") ? text.substring(5, Math.max(5, text.indexOf('\n'))).strip() : null;
    WalkFile walk = WalkFile.parse(text);
    NetDiscoveryTask.deviceFromWalk(walk);
    try {
      DeviceInventory.Result r = NetInventoryTask.inventory(walk, type);
      assertThat(InventorySchema.CURRENT.violations(NetInventoryTask.document("fuzz-2026-11-22-10-00-00", r))).isEmpty();
      NetInventoryTask.legacyDevice(r, type);
    } catch (IOException notADevice) {
      // a walk without the system group is no device: a clear refusal
    }
  }
}
