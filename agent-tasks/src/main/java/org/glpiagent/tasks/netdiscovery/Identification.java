package org.glpiagent.tasks.netdiscovery;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What kind of device answered, and whose: the manufacturer from the enterprise number of {@code sysObjectID}
 * (IANA's Private Enterprise Numbers), the type from that, from which MIBs answer and from {@code sysDescr}.
 * Pure functions.
 */
public final class Identification {
  /** Enterprise number → manufacturer, and the type most of its devices are. */
  record Vendor(String name, String type) {}

  private static final Map<Integer, Vendor> ENTERPRISES =
      Map.ofEntries(
          Map.entry(9, new Vendor("Cisco", "NETWORKING")),
          Map.entry(11, new Vendor("Hewlett-Packard", null)),
          Map.entry(2636, new Vendor("Juniper Networks", "NETWORKING")),
          Map.entry(1916, new Vendor("Extreme Networks", "NETWORKING")),
          Map.entry(674, new Vendor("Dell", null)),
          Map.entry(2011, new Vendor("Huawei", "NETWORKING")),
          Map.entry(25506, new Vendor("H3C", "NETWORKING")),
          Map.entry(4526, new Vendor("Netgear", "NETWORKING")),
          Map.entry(11863, new Vendor("TP-Link", "NETWORKING")),
          Map.entry(14988, new Vendor("MikroTik", "NETWORKING")),
          Map.entry(41112, new Vendor("Ubiquiti", "NETWORKING")),
          Map.entry(6527, new Vendor("Nokia", "NETWORKING")),
          Map.entry(1588, new Vendor("Brocade", "NETWORKING")),
          Map.entry(30065, new Vendor("Arista Networks", "NETWORKING")),
          Map.entry(890, new Vendor("Zyxel", "NETWORKING")),
          Map.entry(171, new Vendor("D-Link", "NETWORKING")),
          Map.entry(12356, new Vendor("Fortinet", "NETWORKING")),
          Map.entry(25461, new Vendor("Palo Alto Networks", "NETWORKING")),
          Map.entry(8741, new Vendor("SonicWall", "NETWORKING")),
          Map.entry(3375, new Vendor("F5 Networks", "NETWORKING")),
          Map.entry(45, new Vendor("Nortel", "NETWORKING")),
          Map.entry(5624, new Vendor("Enterasys", "NETWORKING")),
          Map.entry(367, new Vendor("Ricoh", "PRINTER")),
          Map.entry(1602, new Vendor("Canon", "PRINTER")),
          Map.entry(1347, new Vendor("Kyocera", "PRINTER")),
          Map.entry(253, new Vendor("Xerox", "PRINTER")),
          Map.entry(2435, new Vendor("Brother", "PRINTER")),
          Map.entry(641, new Vendor("Lexmark", "PRINTER")),
          Map.entry(18334, new Vendor("Konica Minolta", "PRINTER")),
          Map.entry(1248, new Vendor("Epson", "PRINTER")),
          Map.entry(2385, new Vendor("Sharp", "PRINTER")),
          Map.entry(318, new Vendor("APC", "POWER")),
          Map.entry(534, new Vendor("Eaton", "POWER")),
          Map.entry(6876, new Vendor("VMware", "COMPUTER")),
          Map.entry(42, new Vendor("Sun Microsystems", "COMPUTER")),
          Map.entry(3955, new Vendor("Linksys", "NETWORKING")),
          Map.entry(311, new Vendor("Microsoft", "COMPUTER")),
          Map.entry(8072, new Vendor("Net-SNMP", "COMPUTER")),
          Map.entry(2021, new Vendor("Net-SNMP", "COMPUTER")),
          Map.entry(24681, new Vendor("QNAP", "STORAGE")),
          Map.entry(6574, new Vendor("Synology", "STORAGE")));

  private Identification() {}

  /** The enterprise number of a {@code sysObjectID} (1.3.6.1.4.1.<n>...). */
  public static Optional<Integer> enterprise(String sysObjectId) {
    if (sysObjectId == null) {
      return Optional.empty();
    }
    String s = sysObjectId.startsWith(".") ? sysObjectId.substring(1) : sysObjectId;
    if (!s.startsWith("1.3.6.1.4.1.")) {
      return Optional.empty();
    }
    String rest = s.substring("1.3.6.1.4.1.".length());
    int dot = rest.indexOf('.');
    String n = dot < 0 ? rest : rest.substring(0, dot);
    return n.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(n)) : Optional.empty();
  }

  /** The manufacturer, from the enterprise number. */
  public static Optional<String> manufacturer(String sysObjectId) {
    return enterprise(sysObjectId).map(ENTERPRISES::get).map(Vendor::name);
  }

  /**
   * The GLPI type: PRINTER when the Printer-MIB answers, NETWORKING when the BRIDGE-MIB does, else what the
   * vendor mostly makes, else what {@code sysDescr} says.
   */
  public static String type(String sysObjectId, String sysDescr, boolean printerMib, boolean bridgeMib) {
    if (printerMib) {
      return "PRINTER";
    }
    if (bridgeMib) {
      return "NETWORKING";
    }
    Optional<String> vendorType = enterprise(sysObjectId).map(ENTERPRISES::get).map(Vendor::type);
    if (vendorType.isPresent()) {
      return vendorType.get();
    }
    String d = sysDescr == null ? "" : sysDescr.toLowerCase(Locale.ROOT);
    if (d.contains("jetdirect") || d.contains("printer")) {
      return "PRINTER";
    }
    if (d.contains("switch") || d.contains("router") || d.contains("firewall")) {
      return "NETWORKING";
    }
    if (d.contains("linux") || d.contains("windows") || d.contains("freebsd") || d.contains("darwin")
        || d.contains("sunos") || d.contains("solaris")) {
      return "COMPUTER";
    }
    return "NETWORKING";
  }

  private static final java.util.regex.Pattern PROCURVE =
      java.util.regex.Pattern.compile("\\bProCurve (J\\d{4}[A-Z]) Switch ([\\w-]+)");

  /**
   * A model named in {@code sysDescr} when the device has no ENTITY-MIB to say it: HP ProCurve switches
   * ({@code ProCurve J9021A Switch 2810-24G} is the {@code ProCurve 2810-24G (J9021A)}).
   */
  public static Optional<String> modelFromDescription(String sysDescr) {
    if (sysDescr == null) {
      return Optional.empty();
    }
    java.util.regex.Matcher m = PROCURVE.matcher(sysDescr);
    return m.find() ? Optional.of("ProCurve " + m.group(2) + " (" + m.group(1) + ")") : Optional.empty();
  }
}
