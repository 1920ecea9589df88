package org.glpiagent.tasks.netinventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The walked tables of one device, by root OID, and the small reading rules every support class shares. */
final class Tables {
  private final Map<String, SortedMap<String, String>> walked;

  Tables(Map<String, SortedMap<String, String>> walked) {
    this.walked = walked;
  }

  /** One column: row index (the OID's rest after the column) → value, in OID order. */
  Map<String, String> column(String root) {
    Map<String, String> out = new LinkedHashMap<>();
    SortedMap<String, String> rows = walked.get(root);
    if (rows == null) {
      return out;
    }
    String prefix = root + ".";
    rows.forEach((oid, v) -> {
      if (oid.startsWith(prefix)) {
        out.put(oid.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /** A whole number, or null when the value is not one. */
  static Long number(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    if (!s.matches("-?\\d{1,19}")) {
      return null;
    }
    try {
      return Long.valueOf(s);
    } catch (NumberFormatException e) {
      return null; // 19 digits past Long.MAX_VALUE (found fuzzing): no number rather than an exception
    }
  }

  /**
   * A number of an enumerated MIB value ({@code ifOperStatus} 1..7...) when it is one: GLPI's schema refuses the
   * whole inventory for one value out of range (a device answering ifOperStatus 0 did, found fuzzing).
   */
  static Long inRange(String v, long min, long max) {
    Long n = number(v);
    return n != null && n >= min && n <= max ? n : null;
  }

  /**
   * A MAC address as {@code aa:bb:cc:dd:ee:ff}: colon-separated hex as the SNMP layer gives binary strings,
   * or six characters when the six bytes happened to be printable. Null for anything else and for zeroes.
   */
  static String mac(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip().toLowerCase(java.util.Locale.ROOT);
    String mac = null;
    if (s.matches("([0-9a-f]{1,2}[:-]){5}[0-9a-f]{1,2}")) {
      StringBuilder b = new StringBuilder();
      for (String part : s.split("[:-]")) {
        b.append(b.length() == 0 ? "" : ":").append(part.length() == 1 ? "0" + part : part);
      }
      mac = b.toString();
    } else if (s.matches("[0-9a-f]{12}")) {
      mac = s.replaceAll("(..)(?!$)", "$1:");
    } else if (v.length() == 6) {
      StringBuilder b = new StringBuilder();
      for (char c : v.toCharArray()) {
        b.append(b.length() == 0 ? "" : ":").append(String.format("%02x", (int) c & 0xff));
      }
      mac = b.toString();
    }
    return mac == null || mac.equals("00:00:00:00:00:00") ? null : mac;
  }

  /** A MAC written as the six numbers of an OID index ({@code 0.22.199.2.110.128}). */
  static String macOfIndex(String index) {
    String[] p = index.split("\\.");
    if (p.length != 6) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (String n : p) {
      if (!n.matches("\\d{1,3}") || Integer.parseInt(n) > 255) {
        return null;
      }
      b.append(b.length() == 0 ? "" : ":").append(String.format("%02x", Integer.parseInt(n)));
    }
    return b.toString();
  }

  /** An IPv4 address given as hex bytes ({@code 0a:cc:58:0a}) or as text. */
  static String ipv4(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return s;
    }
    if (s.matches("([0-9a-fA-F]{2}:){3}[0-9a-fA-F]{2}")) {
      String[] p = s.split(":");
      return Integer.parseInt(p[0], 16) + "." + Integer.parseInt(p[1], 16) + "." + Integer.parseInt(p[2], 16) + "." + Integer.parseInt(p[3], 16);
    }
    if (v.length() == 4) {
      return ((int) v.charAt(0) & 0xff) + "." + ((int) v.charAt(1) & 0xff) + "." + ((int) v.charAt(2) & 0xff) + "." + ((int) v.charAt(3) & 0xff);
    }
    return null;
  }

  /**
   * A text value: as given, or decoded when it is text that came as hex bytes ({@code 4d:46:47}: a walk's
   * Hex-STRING, or a printer status string with NULs in it). Hex that does not decode to printable text (a
   * version {@code 01:12}, a binary id) stays as it is. Null when nothing is left.
   */
  static String text(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    if (s.matches("([0-9a-fA-F]{2}:)+[0-9a-fA-F]{2}")) {
      StringBuilder b = new StringBuilder();
      for (String part : s.split(":")) {
        int c = Integer.parseInt(part, 16);
        if (c != 0) {
          b.append((char) c);
        }
      }
      String decoded = b.toString().strip();
      if (decoded.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        s = decoded;
      }
    }
    return s.isEmpty() ? null : s;
  }

  static List<String> columns(String table, int... numbers) {
    List<String> out = new java.util.ArrayList<>();
    for (int n : numbers) {
      out.add(table + "." + n);
    }
    return out;
  }
}
