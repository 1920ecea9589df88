package org.glpiagent.tasks.netinventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glpiagent.tasks.netdiscovery.Identification;

/**
 * Extreme Networks switches (enterprise 1916): neighbours heard by EDP, the Extreme Discovery Protocol
 * (EXTREME-EDP-MIB), as connections on the ports they were heard on, the way LLDP and CDP give them.
 *
 * <p>{@code extremeEdpTable} rows are indexed {@code ifIndex.neighborId}, the id being eight bytes whose
 * last six are the neighbour's MAC; {@code extremeEdpNeighborTable} adds the VLAN name to that index and
 * gives the neighbour's address in each VLAN. As glpi-agent does: a port with more than one EDP neighbour
 * sits behind something that does not speak EDP and gets none; a port LLDP already named keeps the LLDP
 * neighbour when both are the same device (same MAC), and gets none when they disagree.
 */
final class ExtremeSupport implements VendorSupport {
  static final int EXTREME = 1916;
  /** extremeEdpEntry: .3 extremeEdpNeighborName, .6 extremeEdpNeighborPort. */
  static final String EDP = "1.3.6.1.4.1.1916.1.13.2.1";
  /** extremeEdpNeighborEntry .3 extremeEdpNeighborVlanIpAddress. */
  static final String EDP_VLAN_IP = "1.3.6.1.4.1.1916.1.13.3.1.3";

  /** One neighbour, as its rows say. */
  private record Neighbour(long ifIndex, String id, String mac, String name, String port) {}

  @Override
  public boolean supports(String sysObjectId, String sysDescr) {
    return Identification.enterprise(sysObjectId).filter(e -> e == EXTREME).isPresent();
  }

  @Override
  public List<String> roots() {
    return List.of(EDP + ".3", EDP + ".6", EDP_VLAN_IP);
  }

  @Override
  public void apply(Tables t, DeviceModel m) {
    Map<Long, Neighbour> byPort = new LinkedHashMap<>();
    Set<Long> crowded = new HashSet<>();
    Map<String, String> names = t.column(EDP + ".3");
    Map<String, String> ports = t.column(EDP + ".6");
    Set<String> rows = new LinkedHashSet<>(names.keySet());
    rows.addAll(ports.keySet());
    for (String row : rows) {
      String[] p = row.split("\\.");
      Long ifIndex = p.length == 9 ? Tables.number(p[0]) : null;
      String mac = ifIndex == null ? null : Tables.macOfIndex(String.join(".", Arrays.copyOfRange(p, 3, 9)));
      if (mac == null || m.port(ifIndex) == null) {
        continue; // not an ifIndex and an eight-byte id: no row this MIB defines
      }
      Neighbour n = new Neighbour(ifIndex, row.substring(row.indexOf('.') + 1), mac, Tables.text(names.get(row)),
          Tables.text(ports.get(row)));
      if (byPort.putIfAbsent(ifIndex, n) != null) {
        crowded.add(ifIndex);
      }
    }
    crowded.forEach(byPort::remove);
    Map<String, String> addresses = addresses(t);
    byPort.values().forEach(n -> connect(m, n, addresses.get(n.ifIndex() + "." + n.id())));
  }

  /** The first usable address of each neighbour ({@code ifIndex.neighborId}), whatever the VLAN. */
  private static Map<String, String> addresses(Tables t) {
    Map<String, String> out = new LinkedHashMap<>();
    t.column(EDP_VLAN_IP).forEach((row, value) -> {
      String[] p = row.split("\\.");
      String ip = Tables.ipv4(value);
      if (p.length > 9 && ip != null && !ip.equals("0.0.0.0")) {
        out.putIfAbsent(String.join(".", Arrays.copyOfRange(p, 0, 9)), ip);
      }
    });
    return out;
  }

  private static void connect(DeviceModel m, Neighbour n, String ip) {
    ObjectNode port = m.port(n.ifIndex());
    if (m.neighbourPorts.contains(n.ifIndex()) && port.has("connections")) {
      ArrayNode known = (ArrayNode) port.get("connections");
      for (JsonNode c : known) {
        if (n.mac().equalsIgnoreCase(c.path("sysmac").asText())) {
          if (!c.has("ip") && ip != null) {
            ((ObjectNode) c).put("ip", ip);
          }
          return;
        }
      }
      // two protocols, two devices: something between them and this port, so neither is its neighbour
      port.remove("connections");
      port.remove("lldp");
      m.neighbourPorts.remove(n.ifIndex());
      return;
    }
    ObjectNode c = (port.has("connections") ? (ArrayNode) port.get("connections") : port.putArray("connections")).addObject();
    DeviceModel.put(c, "sysname", n.name());
    DeviceModel.put(c, "ifdescr", n.port());
    c.put("sysmac", n.mac());
    DeviceModel.put(c, "ip", ip);
    port.put("lldp", true);
    m.neighbourPorts.add(n.ifIndex());
  }
}
