package org.glpiagent.tasks.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows' installed programs from a {@code reg export} of the Uninstall keys (machine 64-bit, machine 32-bit
 * under {@code WOW6432Node}, and each user's under {@code HKEY_USERS\<SID>}): a pure parser of the export
 * text, so the same code reads a live export and a captured fixture.
 */
final class RegistrySoftware {
  /** One program, with GLPI's field names. */
  record Program(
      String name, String version, String publisher, String installDate, Long sizeBytes, String arch,
      String guid, String uninstall, String folder, String url, String helplink, boolean noRemove,
      boolean systemComponent, String versionMajor, String versionMinor, String userid) {}

  private static final Pattern KEY = Pattern.compile("^\\[(.+)\\]$");
  private static final Pattern VALUE = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"=(.*)$");

  private RegistrySoftware() {}

  /** Parses a {@code reg export} text (already decoded from UTF-16). */
  /** The name under HKU that {@code scan-profiles} loads a user's hive as: {@code glpi-agent-<SID>}. */
  static final String LOADED_PREFIX = "glpi-agent-";

  /** {@code reg query KEY}: the names of the subkeys listed (the last part of each {@code HKEY_...} line). */
  static List<String> subkeys(String queryOutput) {
    List<String> out = new java.util.ArrayList<>();
    for (String line : queryOutput.split("\r?\n")) {
      String l = line.strip();
      if (l.regionMatches(true, 0, "HKEY_", 0, 5) && l.lastIndexOf('\\') > 0) {
        out.add(l.substring(l.lastIndexOf('\\') + 1));
      }
    }
    return out;
  }

  /** {@code reg query KEY /v NAME}: the value's data ({@code    NAME    REG_SZ    data}), if listed. */
  static java.util.Optional<String> queryValue(String queryOutput, String name) {
    for (String line : queryOutput.split("\r?\n")) {
      String[] f = line.strip().split("\\s{2,}|\t", 3);
      if (f.length == 3 && f[0].equalsIgnoreCase(name) && f[1].startsWith("REG_")) {
        return java.util.Optional.of(f[2].strip());
      }
    }
    return java.util.Optional.empty();
  }

  static List<Program> parse(String export) {
    List<Program> out = new ArrayList<>();
    String key = null;
    Map<String, String> values = new LinkedHashMap<>();
    String[] lines = export.replace("\r", "").split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      while (line.endsWith("\\") && i + 1 < lines.length) {
        line = line.substring(0, line.length() - 1) + lines[++i].strip(); // hex values continue on the next line
      }
      Matcher k = KEY.matcher(line.strip());
      if (k.matches()) {
        add(out, key, values);
        key = k.group(1);
        values = new LinkedHashMap<>();
        continue;
      }
      Matcher v = VALUE.matcher(line.strip());
      if (v.matches() && key != null) {
        values.put(v.group(1).toLowerCase(Locale.ROOT), value(v.group(2)));
      }
    }
    add(out, key, values);
    return out;
  }

  private static void add(List<Program> out, String key, Map<String, String> v) {
    if (key == null || !key.toLowerCase(Locale.ROOT).contains("\\uninstall\\")) {
      return;
    }
    String name = v.get("displayname");
    if (name == null || name.isBlank() || v.containsKey("parentkeyname")) {
      return; // updates and components of another program carry ParentKeyName
    }
    String sub = key.substring(key.toLowerCase(Locale.ROOT).lastIndexOf("\\uninstall\\") + "\\uninstall\\".length());
    String lower = key.toLowerCase(Locale.ROOT);
    String arch = lower.contains("\\wow6432node\\") ? "i586" : "x86_64";
    String userid = lower.startsWith("hkey_users\\") ? key.split("\\\\")[1].replaceFirst("^" + LOADED_PREFIX, "") : null;
    Long size = null;
    String est = v.get("estimatedsize");
    if (est != null && est.matches("\\d+")) {
      size = Long.parseLong(est) * 1024;
    }
    out.add(new Program(name.strip(), v.get("displayversion"), v.get("publisher"), date(v.get("installdate")), size,
        arch, sub.matches("\\{[0-9A-Fa-f-]{36}\\}") ? sub : null, v.get("uninstallstring"), v.get("installlocation"),
        v.get("urlinfoabout"), v.get("helplink"), "1".equals(v.get("noremove")), "1".equals(v.get("systemcomponent")),
        v.get("versionmajor"), v.get("versionminor"), userid));
  }

  /** {@code "text"} (with {@code \\} and {@code \"} escapes) or {@code dword:0000001a} as a decimal string. */
  static String value(String raw) {
    String r = raw.strip();
    if (r.startsWith("\"") && r.endsWith("\"") && r.length() >= 2) {
      return r.substring(1, r.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (r.toLowerCase(Locale.ROOT).startsWith("dword:")) {
      try {
        return String.valueOf(Long.parseLong(r.substring(6).strip(), 16));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null; // binary and multi-string values are not needed here
  }

  /** {@code 20230115} → {@code 2023-01-15}; anything else is dropped (the schema wants a date). */
  static String date(String d) {
    if (d == null || !d.matches("\\d{8}")) {
      return null;
    }
    return Dates.biosDate(d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8));
  }
}
