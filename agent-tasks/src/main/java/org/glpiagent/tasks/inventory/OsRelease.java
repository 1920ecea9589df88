package org.glpiagent.tasks.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code /etc/os-release} (freedesktop.org's format: {@code KEY=value}, values optionally quoted). */
final class OsRelease {
  private OsRelease() {}

  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (l.startsWith("#") || eq <= 0) {
        continue;
      }
      String v = l.substring(eq + 1).strip();
      if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
        v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
      }
      out.put(l.substring(0, eq), v);
    }
    return out;
  }
}
