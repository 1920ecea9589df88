package org.glpiagent.tasks.snmp;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device recorded with {@code snmpwalk -On}: the values by OID, read back as the live client reports them,
 * so that a walk file stands for a device in {@code --file} runs and in tests.
 */
public final class WalkFile {
  private static final Pattern LINE = Pattern.compile("^\\.?((?:\\d+\\.)+\\d+)\\s*=\\s*(?:([A-Za-z0-9-]+):\\s*)?(.*)$");
  /** Numeric OID order, as agents walk them. */
  public static final Comparator<String> OID_ORDER = WalkFile::compareOids;

  private final SortedMap<String, String> values;

  private WalkFile(SortedMap<String, String> values) {
    this.values = Collections.unmodifiableSortedMap(values);
  }

  /** Parses a walk; lines that are not {@code OID = TYPE: value} (and continuation lines of strings) are skipped. */
  public static WalkFile parse(String text) {
    SortedMap<String, String> values = new TreeMap<>(OID_ORDER);
    String pendingOid = null;
    StringBuilder pending = null;
    for (String line : text.split("\r?\n")) {
      if (pending != null) {
        pending.append('\n').append(line);
        if (line.endsWith("\"") && !line.endsWith("\\\"")) {
          values.put(pendingOid, unquote(pending.toString()));
          pending = null;
        }
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      String oid = m.group(1);
      String type = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
      String v = m.group(3).strip();
      if (type.equals("STRING") && v.startsWith("\"") && (v.length() == 1 || !v.endsWith("\""))) {
        pendingOid = oid;
        pending = new StringBuilder(v);
        continue;
      }
      values.put(oid, value(type, v));
    }
    return new WalkFile(values);
  }

  static String value(String type, String v) {
    return switch (type) {
      case "STRING" -> unquote(v);
      case "HEX-STRING" -> v.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", ":");
      case "OID" -> v.startsWith(".") ? v.substring(1) : v;
      case "TIMETICKS" -> v.matches("\\((\\d{1,18})\\).*") ? Ticks.text(Long.parseLong(v.substring(1, v.indexOf(')')))) : v;
      case "INTEGER" -> v.matches(".*\\((-?\\d+)\\)") ? v.replaceAll(".*\\((-?\\d+)\\)", "$1")
          // "524288 KBytes": units dropped; split on any blank (a tab before the unit threw, found fuzzing)
          : v.matches("-?\\d+\\s+\\S.*") ? v.split("\\s+", 2)[0] : v;
      default -> unquote(v);
    };
  }

  private static String unquote(String v) {
    String s = v.strip();
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  /** The values of these OIDs that the walk holds. */
  public Map<String, String> get(List<String> oids) {
    Map<String, String> out = new java.util.LinkedHashMap<>(); // keyed as asked
    for (String o : oids) {
      String v = values.get(o.startsWith(".") ? o.substring(1) : o);
      if (v != null) {
        out.put(o, v);
      }
    }
    return out;
  }

  /** Everything below a root OID, in order. */
  public SortedMap<String, String> walk(String root) {
    String r = root.startsWith(".") ? root.substring(1) : root;
    SortedMap<String, String> out = new TreeMap<>(OID_ORDER);
    values.tailMap(r).forEach((k, v) -> {
      if (k.equals(r) || k.startsWith(r + ".")) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** How many values. */
  public int size() {
    return values.size();
  }

  public static int compareOids(String a, String b) {
    String[] x = (a.startsWith(".") ? a.substring(1) : a).split("\\.");
    String[] y = (b.startsWith(".") ? b.substring(1) : b).split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = compareArcs(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /**
   * Two arcs as numbers of any length: an arc may be longer than a {@code long} (a 100-digit one in a walk file
   * threw NumberFormatException out of the map, found fuzzing). Leading zeros do not count, as for a number.
   */
  private static int compareArcs(String a, String b) {
    String p = withoutLeadingZeros(a);
    String q = withoutLeadingZeros(b);
    if (p.length() != q.length() && isDigits(p) && isDigits(q)) {
      return Integer.compare(p.length(), q.length());
    }
    return p.compareTo(q);
  }

  private static String withoutLeadingZeros(String arc) {
    int i = 0;
    while (i < arc.length() - 1 && arc.charAt(i) == '0') {
      i++;
    }
    return arc.substring(i);
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
