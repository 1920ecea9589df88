package org.glpiagent.tasks.netinventory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.glpiagent.tasks.netdiscovery.Identification;
import org.glpiagent.tasks.snmp.Mib2;

/**
 * Reads one device through the standard MIBs (SNMPv2-MIB, IF-MIB, IP-MIB, ENTITY-MIB, BRIDGE-MIB, Q-BRIDGE,
 * LLDP-MIB, EtherLike-MIB, IEEE 802.3ad, HOST-RESOURCES, Printer-MIB) and the vendor support that applies:
 * one GET for the scalars, then every table walked at once.
 */
public final class DeviceInventory {
  /** The vendor supports, in the order they are asked. */
  static final List<VendorSupport> SUPPORTS = List.of(new CiscoSupport(), new HpSwitchSupport(), new HpPrinterSupport(),
      new RicohSupport(), new KyoceraSupport(), new ExtremeSupport());

  static final String SYS_DESCR = Mib2.SYS_DESCR;
  static final String SYS_OBJECT_ID = Mib2.SYS_OBJECT_ID;
  static final String SYS_UPTIME = Mib2.SYS_UPTIME;
  static final String SYS_CONTACT = Mib2.SYS_CONTACT;
  static final String SYS_NAME = Mib2.SYS_NAME;
  static final String SYS_LOCATION = Mib2.SYS_LOCATION;
  static final String BRIDGE_ADDRESS = Mib2.BRIDGE_ADDRESS;
  static final String HR_MEMORY_SIZE = "1.3.6.1.2.1.25.2.2.0";
  static final String PRINTER_SERIAL = "1.3.6.1.2.1.43.5.1.1.17.1";
  static final List<String> SCALARS =
      List.of(SYS_DESCR, SYS_OBJECT_ID, SYS_UPTIME, SYS_CONTACT, SYS_NAME, SYS_LOCATION, BRIDGE_ADDRESS, HR_MEMORY_SIZE, PRINTER_SERIAL);

  static final String IF = "1.3.6.1.2.1.2.2.1";
  static final String IFX = "1.3.6.1.2.1.31.1.1.1";
  static final String IP_ADDRESS_IF = "1.3.6.1.2.1.4.20.1.2";
  static final String ENT = "1.3.6.1.2.1.47.1.1.1.1";
  static final String BASE_PORT_IF = "1.3.6.1.2.1.17.1.4.1.2";
  static final String FDB_PORT = "1.3.6.1.2.1.17.4.3.1.2";
  /** IP-MIB ipNetToMediaPhysAddress: the ARP table, by ifIndex.address. */
  static final String ARP_MAC = "1.3.6.1.2.1.4.22.1.2";
  static final String QFDB_PORT = "1.3.6.1.2.1.17.7.1.2.2.1.2";
  static final String PVID = "1.3.6.1.2.1.17.7.1.4.5.1.1";
  static final String VLAN_STATIC_NAME = "1.3.6.1.2.1.17.7.1.4.3.1.1";
  static final String LLDP_REM = "1.0.8802.1.1.2.1.4.1.1";
  static final String LLDP_REM_MAN_ADDR = "1.0.8802.1.1.2.1.4.2.1.3";
  static final String DUPLEX = "1.3.6.1.2.1.10.7.2.1.19";
  static final String AGG_ATTACHED = "1.2.840.10006.300.43.1.2.1.1.13";
  static final String HR_PROCESSOR_LOAD = "1.3.6.1.2.1.25.3.3.1.2";
  static final String PRT_LIFE_COUNT = "1.3.6.1.2.1.43.10.2.1.4.1";
  static final String PRT_SUPPLY = "1.3.6.1.2.1.43.11.1.1";

  static final List<String> STANDARD_ROOTS = standardRoots();

  private static List<String> standardRoots() {
    List<String> r = new ArrayList<>();
    r.addAll(Tables.columns(IF, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 16, 20));
    r.addAll(Tables.columns(IFX, 1, 15, 18));
    r.add(IP_ADDRESS_IF);
    r.addAll(Tables.columns(ENT, 2, 4, 5, 7, 10, 11, 12, 13, 16));
    r.addAll(List.of(BASE_PORT_IF, FDB_PORT, QFDB_PORT, ARP_MAC, PVID, VLAN_STATIC_NAME));
    r.addAll(Tables.columns(LLDP_REM, 5, 7, 8, 9, 10));
    r.addAll(List.of(LLDP_REM_MAN_ADDR, DUPLEX, AGG_ATTACHED, HR_PROCESSOR_LOAD));
    return List.copyOf(r);
  }

  private static final List<String> PRINTER_ROOTS = List.of(PRT_LIFE_COUNT, PRT_SUPPLY + ".6.1", PRT_SUPPLY + ".8.1", PRT_SUPPLY + ".9.1");

  private DeviceInventory() {}

  /** A device read, and whether GLPI files it as a printer. */
  public record Result(ObjectNode content, boolean printer) {
    public String itemtype() {
      return printer ? "Printer" : "NetworkEquipment";
    }
  }

  /**
   * Reads the device. {@code typeHint} is what GLPI thinks it is ({@code NETWORKING}, {@code PRINTER}), or null;
   * {@code credentialId} the id of the credential that reached it, or null.
   */
  static Result collect(MibSource src, String typeHint, String credentialId) throws IOException, InterruptedException {
    Map<String, String> s = src.get(SCALARS);
    if (!s.containsKey(SYS_DESCR) && !s.containsKey(SYS_NAME) && !s.containsKey(SYS_OBJECT_ID)) {
      throw new IOException("no answer to the system group");
    }
    String objectId = s.get(SYS_OBJECT_ID);
    String descr = s.get(SYS_DESCR);
    boolean printer = "PRINTER".equalsIgnoreCase(typeHint) || s.containsKey(PRINTER_SERIAL);
    List<VendorSupport> vendors = SUPPORTS.stream().filter(v -> v.supports(objectId, descr)).toList();
    Set<String> roots = new LinkedHashSet<>(STANDARD_ROOTS);
    if (printer) {
      roots.addAll(PRINTER_ROOTS);
    }
    vendors.forEach(v -> roots.addAll(v.roots()));
    Tables t = new Tables(src.walkAll(List.copyOf(roots)));

    DeviceModel m = new DeviceModel();
    m.printer = printer;
    ObjectNode d = m.device;
    DeviceModel.put(d, "name", s.get(SYS_NAME));
    DeviceModel.put(d, "description", descr);
    DeviceModel.put(d, "location", s.get(SYS_LOCATION));
    DeviceModel.put(d, "contact", s.get(SYS_CONTACT));
    DeviceModel.put(d, "uptime", s.get(SYS_UPTIME));
    Identification.manufacturer(objectId).ifPresent(v -> d.put("manufacturer", v));
    d.put("type", printer ? "Printer" : switch (typeHint == null ? Identification.type(objectId, descr, false, s.containsKey(BRIDGE_ADDRESS))
        : typeHint.toUpperCase(Locale.ROOT)) {
          case "COMPUTER" -> "Computer";
          case "STORAGE" -> "Storage";
          case "POWER" -> "Power";
          case "PHONE" -> "Phone";
          default -> "Networking";
        });
    DeviceModel.put(d, "mac", Tables.mac(s.get(BRIDGE_ADDRESS)));
    if (credentialId != null && credentialId.matches("\\d{1,9}")) {
      d.put("credentials", Long.parseLong(credentialId));
    }
    Long memKb = Tables.number(s.get(HR_MEMORY_SIZE));
    if (memKb != null && memKb > 0) {
      d.put("ram", memKb / 1024);
    }
    cpu(t, d);
    ports(t, m);
    addresses(t, m);
    components(t, m, s.get(PRINTER_SERIAL));
    if (!d.has("model")) {
      Identification.modelFromDescription(descr).ifPresent(v -> d.put("model", v));
    }
    List<Tables> forwarding = new ArrayList<>(List.of(t));
    for (VendorSupport v : vendors) {
      forwarding.addAll(v.forwardingTables(src, t));
    }
    macTable(forwarding, t, m);
    lldp(t, m);
    qbridgeVlans(t, m);
    aggregates(t, m);
    if (printer) {
      printer(t, m);
    }
    for (VendorSupport v : vendors) {
      v.apply(t, m);
    }
    // after the vendors: CDP neighbours (Cisco) also take their ports out of the MAC connections
    macConnections(m);
    if (d.has("firmware")) {
      ObjectNode f = m.firmwares.addObject();
      f.put("name", d.path("model").asText(d.path("name").asText("device")));
      f.put("description", "device firmware");
      f.put("type", "device");
      f.put("version", d.path("firmware").asText());
      DeviceModel.put(f, "manufacturer", d.path("manufacturer").asText(null));
    }
    return new Result(m.content(), printer);
  }

  private static void cpu(Tables t, ObjectNode d) {
    List<Long> loads = t.column(HR_PROCESSOR_LOAD).values().stream().map(Tables::number).filter(java.util.Objects::nonNull).toList();
    if (!loads.isEmpty()) {
      d.put("cpu", Math.round(loads.stream().mapToLong(Long::longValue).average().orElse(0)));
    }
  }

  private static void ports(Tables t, DeviceModel m) {
    Map<String, String> descr = t.column(IF + ".2");
    Map<String, String> type = t.column(IF + ".3");
    Set<String> indexes = new LinkedHashSet<>(t.column(IF + ".1").keySet());
    indexes.addAll(descr.keySet());
    indexes.addAll(type.keySet());
    Map<String, String> mtu = t.column(IF + ".4");
    Map<String, String> speed = t.column(IF + ".5");
    Map<String, String> mac = t.column(IF + ".6");
    Map<String, String> admin = t.column(IF + ".7");
    Map<String, String> oper = t.column(IF + ".8");
    Map<String, String> last = t.column(IF + ".9");
    Map<String, String> inOctets = t.column(IF + ".10");
    Map<String, String> inErrors = t.column(IF + ".14");
    Map<String, String> outOctets = t.column(IF + ".16");
    Map<String, String> outErrors = t.column(IF + ".20");
    Map<String, String> name = t.column(IFX + ".1");
    Map<String, String> highSpeed = t.column(IFX + ".15");
    Map<String, String> alias = t.column(IFX + ".18");
    Map<String, String> duplex = t.column(DUPLEX);
    for (String i : indexes) {
      Long index = Tables.number(i);
      if (index == null) {
        continue;
      }
      ObjectNode p = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      p.put("ifnumber", index);
      DeviceModel.put(p, "ifdescr", descr.get(i));
      DeviceModel.put(p, "ifname", name.getOrDefault(i, descr.get(i)));
      DeviceModel.put(p, "ifalias", alias.get(i));
      DeviceModel.put(p, "iftype", Tables.number(type.get(i)));
      DeviceModel.put(p, "ifmtu", Tables.number(mtu.get(i)));
      Long sp = Tables.number(speed.get(i));
      Long high = Tables.number(highSpeed.get(i));
      // ifSpeed tops out at 4.29 Gb/s; ifHighSpeed (Mb/s) tells faster links
      DeviceModel.put(p, "ifspeed", high != null && high > 0 && high <= Long.MAX_VALUE / 1_000_000 && (sp == null || sp >= 4_294_967_295L) ? Long.valueOf(high * 1_000_000) : sp);
      DeviceModel.put(p, "mac", Tables.mac(mac.get(i)));
      DeviceModel.put(p, "ifstatus", Tables.inRange(oper.get(i), 1, 7));
      DeviceModel.put(p, "ifinternalstatus", Tables.inRange(admin.get(i), 1, 3));
      DeviceModel.put(p, "iflastchange", last.get(i));
      DeviceModel.put(p, "ifinbytes", Tables.number(inOctets.get(i)));
      DeviceModel.put(p, "ifinerrors", Tables.number(inErrors.get(i)));
      DeviceModel.put(p, "ifoutbytes", Tables.number(outOctets.get(i)));
      DeviceModel.put(p, "ifouterrors", Tables.number(outErrors.get(i)));
      DeviceModel.put(p, "ifportduplex", Tables.inRange(duplex.get(i), 1, 3));
      m.ports.put(index, p);
    }
  }

  /** The device's addresses, and each port's own. */
  private static void addresses(Tables t, DeviceModel m) {
    ArrayNode all = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    t.column(IP_ADDRESS_IF).forEach((ip, ifIndex) -> {
      if (!isIpv4(ip)) {
        return;
      }
      all.add(ip);
      Long i = Tables.number(ifIndex);
      ObjectNode p = i == null ? null : m.port(i);
      if (p != null) {
        (p.has("ips") ? (ArrayNode) p.get("ips") : p.putArray("ips")).add(ip);
      }
    });
    if (!all.isEmpty()) {
      m.device.set("ips", all);
    }
  }

  /**
   * Whether an index of ipAddrTable is an IPv4 address as GLPI's schema takes it: four numbers up to 255 without
   * leading zeros (999.1.1.1 passed the old \\d{1,3} check and made GLPI refuse the whole inventory, found fuzzing).
   */
  static boolean isIpv4(String ip) {
    String[] parts = ip.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (!p.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /** ENTITY-MIB: the first chassis gives the device's serial, model and firmware; the parts are components. */
  private static void components(Tables t, DeviceModel m, String printerSerial) {
    Map<String, String> cls = t.column(ENT + ".5");
    Map<String, String> descr = t.column(ENT + ".2");
    Map<String, String> contained = t.column(ENT + ".4");
    Map<String, String> name = t.column(ENT + ".7");
    Map<String, String> software = t.column(ENT + ".10");
    Map<String, String> serial = t.column(ENT + ".11");
    Map<String, String> maker = t.column(ENT + ".12");
    Map<String, String> model = t.column(ENT + ".13");
    Map<String, String> fru = t.column(ENT + ".16");
    String chassis = cls.entrySet().stream().filter(e -> "3".equals(e.getValue().strip())).map(Map.Entry::getKey).findFirst()
        .orElse(cls.containsKey("1") ? "1" : null);
    ObjectNode d = m.device;
    DeviceModel.put(d, "serial", printerSerial);
    if (chassis != null) {
      if (!d.has("serial")) {
        DeviceModel.put(d, "serial", serial.get(chassis));
      }
      DeviceModel.put(d, "model", model.get(chassis));
      DeviceModel.put(d, "firmware", software.get(chassis));
    }
    Map<String, String> types = Map.ofEntries(Map.entry("1", "other"), Map.entry("2", "unknown"), Map.entry("3", "chassis"),
        Map.entry("4", "backplane"), Map.entry("5", "container"), Map.entry("6", "powerSupply"), Map.entry("7", "fan"),
        Map.entry("8", "sensor"), Map.entry("9", "module"), Map.entry("10", "port"), Map.entry("11", "stack"), Map.entry("12", "cpu"));
    for (Map.Entry<String, String> e : cls.entrySet()) {
      String type = types.get(e.getValue().strip());
      Long index = Tables.number(e.getKey());
      if (type == null || index == null) {
        continue;
      }
      String i = e.getKey();
      ObjectNode c = m.components.addObject();
      c.put("index", index);
      DeviceModel.put(c, "contained_index", Tables.number(contained.get(i)));
      DeviceModel.put(c, "name", name.get(i));
      DeviceModel.put(c, "description", descr.get(i));
      DeviceModel.put(c, "model", model.get(i));
      DeviceModel.put(c, "serial", serial.get(i));
      DeviceModel.put(c, "firmware", software.get(i));
      DeviceModel.put(c, "manufacturer", maker.get(i));
      DeviceModel.put(c, "fru", Tables.number(fru.get(i)));
      c.put("type", type);
    }
  }

  /** bridge port → ifIndex. */
  static Map<String, Long> bridgePorts(Tables t) {
    Map<String, Long> out = new LinkedHashMap<>();
    t.column(BASE_PORT_IF).forEach((port, ifIndex) -> {
      Long i = Tables.number(ifIndex);
      if (i != null) {
        out.put(port, i);
      }
    });
    return out;
  }

  /** Forwarding database (BRIDGE-MIB and Q-BRIDGE): which MACs are seen behind which port. */
  private static void macTable(List<Tables> forwarding, Tables t, DeviceModel m) {
    Map<Long, Set<String>> seen = m.macsSeen;
    for (Tables f : forwarding) {
      // each bridge (the device's, or one per VLAN) numbers its own ports
      Map<String, Long> bridge = bridgePorts(f);
      f.column(FDB_PORT).forEach((index, port) -> seenAt(m, bridge, seen, Tables.macOfIndex(index), port));
    }
    Map<String, Long> bridge = bridgePorts(t);
    t.column(QFDB_PORT).forEach((index, port) -> {
      int dot = index.indexOf('.');
      seenAt(m, bridge, seen, dot < 0 ? null : Tables.macOfIndex(index.substring(dot + 1)), port);
    });
    // a switch's ARP table: addresses heard on its routed interfaces (VLAN interfaces), by ifIndex; a host's
    // ARP table says nothing of what is plugged into it
    if ("Networking".equals(m.device.path("type").asText())) {
      Map<String, Long> self = new LinkedHashMap<>();
      m.ports.keySet().forEach(i -> self.put(String.valueOf(i), i));
      t.column(ARP_MAC).forEach((index, mac) -> {
        int dot = index.indexOf('.');
        seenAt(m, self, seen, Tables.mac(mac), dot < 0 ? null : index.substring(0, dot));
      });
    }
  }

  static void seenAt(DeviceModel m, Map<String, Long> bridge, Map<Long, Set<String>> seen, String mac, String bridgePort) {
    Long ifIndex = bridge.get(bridgePort == null ? "" : bridgePort.strip());
    ObjectNode p = ifIndex == null ? null : m.port(ifIndex);
    if (mac == null || p == null || mac.equals(p.path("mac").asText())) {
      return;
    }
    seen.computeIfAbsent(ifIndex, k -> new LinkedHashSet<>()).add(mac);
  }

  /** MAC table entries become connections, except on ports whose neighbour CDP or LLDP named. */
  private static void macConnections(DeviceModel m) {
    m.macsSeen.forEach((ifIndex, macs) -> {
      if (m.neighbourPorts.contains(ifIndex)) {
        return;
      }
      ArrayNode list = m.port(ifIndex).putArray("connections").addObject().putArray("mac");
      macs.forEach(list::add);
    });
  }

  /** LLDP neighbours: the remote system's name, description, port and chassis MAC, and its address. */
  private static void lldp(Tables t, DeviceModel m) {
    Map<String, String> chassis = t.column(LLDP_REM + ".5");
    Map<String, String> portId = t.column(LLDP_REM + ".7");
    Map<String, String> portDesc = t.column(LLDP_REM + ".8");
    Map<String, String> sysName = t.column(LLDP_REM + ".9");
    Map<String, String> sysDesc = t.column(LLDP_REM + ".10");
    Map<String, String> addresses = new LinkedHashMap<>();
    for (String index : t.column(LLDP_REM_MAN_ADDR).keySet()) {
      // timeMark.localPort.remIndex.addrSubtype.addrLen.address...: IPv4 is subtype 1, four bytes
      String[] p = index.split("\\.");
      if (p.length == 9 && p[3].equals("1") && p[4].equals("4")) {
        addresses.putIfAbsent(p[0] + "." + p[1] + "." + p[2], p[5] + "." + p[6] + "." + p[7] + "." + p[8]);
      }
    }
    Map<String, Long> bridge = bridgePorts(t);
    Set<String> rows = new LinkedHashSet<>(sysName.keySet());
    rows.addAll(chassis.keySet());
    for (String row : rows) {
      String[] p = row.split("\\.");
      if (p.length != 3) {
        continue;
      }
      Long local = Tables.number(p[1]);
      if (local == null) {
        continue;
      }
      // the local port number is the ifIndex on most devices, a bridge port on some
      Long ifIndex = m.port(local) != null ? local : bridge.get(p[1]);
      ObjectNode port = ifIndex == null ? null : m.port(ifIndex);
      if (port == null) {
        continue;
      }
      ObjectNode c = (port.has("connections") ? (ArrayNode) port.get("connections") : port.putArray("connections")).addObject();
      DeviceModel.put(c, "sysname", sysName.get(row));
      DeviceModel.put(c, "sysdescr", sysDesc.get(row));
      DeviceModel.put(c, "ifdescr", portDesc.get(row) != null && !portDesc.get(row).isBlank() ? portDesc.get(row) : portId.get(row));
      DeviceModel.put(c, "sysmac", Tables.mac(chassis.get(row)));
      DeviceModel.put(c, "ip", addresses.get(row));
      port.put("lldp", true);
      m.neighbourPorts.add(ifIndex);
    }
  }

  /** Q-BRIDGE: each port's untagged VLAN (PVID) and its name. */
  private static void qbridgeVlans(Tables t, DeviceModel m) {
    Map<String, String> names = t.column(VLAN_STATIC_NAME);
    Map<String, Long> bridge = bridgePorts(t);
    t.column(PVID).forEach((bridgePort, vlan) -> {
      Long ifIndex = bridge.get(bridgePort);
      ObjectNode p = ifIndex == null ? null : m.port(ifIndex);
      if (p == null || Tables.number(vlan) == null) {
        return;
      }
      ObjectNode v = p.putArray("vlans").addObject();
      v.put("number", vlan.strip());
      DeviceModel.put(v, "name", names.get(vlan.strip()));
      v.put("tagged", "0");
    });
  }

  /** IEEE 802.3ad: the ports each aggregate (port-channel) holds. */
  private static void aggregates(Tables t, DeviceModel m) {
    Map<Long, List<Long>> members = new LinkedHashMap<>();
    t.column(AGG_ATTACHED).forEach((port, agg) -> {
      Long p = Tables.number(port);
      Long a = Tables.number(agg);
      if (p != null && a != null && a > 0 && !a.equals(p) && m.port(a) != null) {
        members.computeIfAbsent(a, k -> new ArrayList<>()).add(p);
      }
    });
    members.forEach((agg, list) -> {
      ArrayNode a = m.port(agg).putArray("aggregate");
      list.forEach(a::add);
    });
  }

  /** Printer-MIB: the page counter and each supply's level in percent. */
  private static void printer(Tables t, DeviceModel m) {
    t.column(PRT_LIFE_COUNT).values().stream().map(Tables::number).filter(java.util.Objects::nonNull).findFirst()
        .ifPresent(total -> m.pagecounters.put("total", total));
    Map<String, String> descr = t.column(PRT_SUPPLY + ".6.1");
    Map<String, String> max = t.column(PRT_SUPPLY + ".8.1");
    Map<String, String> level = t.column(PRT_SUPPLY + ".9.1");
    for (Map.Entry<String, String> e : descr.entrySet()) {
      String name = Supplies.name(e.getValue());
      Long mx = Tables.number(max.get(e.getKey()));
      Long lv = Tables.number(level.get(e.getKey()));
      if (name == null || lv == null || m.cartridges.containsKey(name)) {
        continue;
      }
      if (lv >= 0 && mx != null && mx > 0) {
        m.cartridges.put(name, String.valueOf(Math.min(100, Math.round(lv * 100.0 / mx))));
      } else if (lv == -3) {
        m.cartridges.put(name, "OK"); // "some remains", the printer cannot say how much
      }
    }
  }
}
