package org.glpiagent.tasks.netinventory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glpiagent.tasks.netdiscovery.Identification;

/**
 * Cisco (enterprise 9): CDP neighbours (CISCO-CDP-MIB), each access port's VLAN (CISCO-VLAN-MEMBERSHIP-MIB)
 * with the VTP names, trunk ports (CISCO-VTP-MIB), CPU load (CISCO-PROCESS-MIB) and memory
 * (CISCO-MEMORY-POOL-MIB).
 */
final class CiscoSupport implements VendorSupport {
  static final String CDP = "1.3.6.1.4.1.9.9.23.1.2.1.1";
  static final String VM_VLAN = "1.3.6.1.4.1.9.9.68.1.2.2.1.2";
  static final String VTP_VLAN_NAME = "1.3.6.1.4.1.9.9.46.1.3.1.1.4.1";
  static final String TRUNK_STATUS = "1.3.6.1.4.1.9.9.46.1.6.1.1.14";
  static final String CPU_5SEC_REV = "1.3.6.1.4.1.9.9.109.1.1.1.1.6";
  static final String CPU_5SEC = "1.3.6.1.4.1.9.9.109.1.1.1.1.3";
  /** OLD-CISCO-CHASSIS-MIB processorRam.0, in bytes. */
  static final String PROCESSOR_RAM = "1.3.6.1.4.1.9.3.6.6";
  static final String MEMORY_USED = "1.3.6.1.4.1.9.9.48.1.1.1.5";
  static final String MEMORY_FREE = "1.3.6.1.4.1.9.9.48.1.1.1.6";

  @Override
  public boolean supports(String sysObjectId, String sysDescr) {
    return Identification.enterprise(sysObjectId).filter(e -> e == 9).isPresent();
  }

  @Override
  public List<String> roots() {
    List<String> r = new ArrayList<>(Tables.columns(CDP, 4, 5, 6, 7, 8));
    r.addAll(List.of(VM_VLAN, VTP_VLAN_NAME, TRUNK_STATUS, CPU_5SEC_REV, CPU_5SEC, PROCESSOR_RAM, MEMORY_USED, MEMORY_FREE));
    return r;
  }

  /**
   * A Catalyst keeps one bridge per VLAN: its MAC table and bridge ports are read with the community
   * {@code community@vlan}, for every VLAN VTP knows (not the reserved 1002-1005), all at once.
   */
  @Override
  public List<Tables> forwardingTables(MibSource src, Tables t) throws java.io.IOException, InterruptedException {
    List<String> vlans = t.column(VTP_VLAN_NAME).keySet().stream()
        .filter(v -> v.matches("\\d{1,4}") && (Integer.parseInt(v) < 1002 || Integer.parseInt(v) > 1005)).toList();
    if (vlans.isEmpty()) {
      return List.of();
    }
    List<Tables> out = new ArrayList<>();
    src.walkInVlans(vlans, List.of(DeviceInventory.FDB_PORT, DeviceInventory.BASE_PORT_IF)).values().forEach(w -> out.add(new Tables(w)));
    return out;
  }

  @Override
  public void apply(Tables t, DeviceModel m) {
    cdp(t, m);
    vlans(t, m);
    // the load of the last five seconds, as the Perl agents report it
    t.column(CPU_5SEC_REV).values().stream().map(Tables::number).filter(java.util.Objects::nonNull).findFirst()
        .or(() -> t.column(CPU_5SEC).values().stream().map(Tables::number).filter(java.util.Objects::nonNull).findFirst())
        .ifPresent(cpu -> m.device.put("cpu", cpu));
    Long ram = Tables.number(t.column(PROCESSOR_RAM).get("0"));
    if (ram != null && ram > 0) {
      m.device.put("ram", ram / 1024 / 1024);
    }
    // the processor pool is the first; its used + free is the memory, in MB
    Long used = t.column(MEMORY_USED).values().stream().map(Tables::number).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    Long free = t.column(MEMORY_FREE).values().stream().map(Tables::number).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    if (used != null && free != null) {
      m.device.put("memory", (used + free) / 1024 / 1024);
    }
  }

  /** cdpCacheTable rows are indexed ifIndex.deviceIndex. */
  private static void cdp(Tables t, DeviceModel m) {
    Map<String, String> address = t.column(CDP + ".4");
    Map<String, String> version = t.column(CDP + ".5");
    Map<String, String> deviceId = t.column(CDP + ".6");
    Map<String, String> port = t.column(CDP + ".7");
    Map<String, String> platform = t.column(CDP + ".8");
    for (String row : deviceId.keySet()) {
      int dot = row.indexOf('.');
      Long ifIndex = Tables.number(dot < 0 ? row : row.substring(0, dot));
      ObjectNode p = ifIndex == null ? null : m.port(ifIndex);
      if (p == null) {
        continue;
      }
      ObjectNode c = (p.has("connections") ? (ArrayNode) p.get("connections") : p.putArray("connections")).addObject();
      DeviceModel.put(c, "sysname", deviceId.get(row));
      DeviceModel.put(c, "sysdescr", version.get(row));
      DeviceModel.put(c, "ifdescr", port.get(row));
      DeviceModel.put(c, "model", platform.get(row));
      DeviceModel.put(c, "ip", Tables.ipv4(address.get(row)));
      p.put("lldp", true);
      m.neighbourPorts.add(ifIndex);
    }
  }

  private static void vlans(Tables t, DeviceModel m) {
    Map<String, String> names = t.column(VTP_VLAN_NAME);
    t.column(VM_VLAN).forEach((ifIndex, vlan) -> {
      Long i = Tables.number(ifIndex);
      ObjectNode p = i == null ? null : m.port(i);
      if (p == null || Tables.number(vlan) == null) {
        return;
      }
      ObjectNode v = p.putArray("vlans").addObject();
      v.put("number", vlan.strip());
      DeviceModel.put(v, "name", names.get(vlan.strip()));
    });
    // vlanTrunkPortDynamicStatus: 1 trunking, 2 not
    t.column(TRUNK_STATUS).forEach((ifIndex, status) -> {
      Long i = Tables.number(ifIndex);
      ObjectNode p = i == null ? null : m.port(i);
      if (p != null) {
        p.put("trunk", "1".equals(status.strip()));
      }
    });
  }
}
