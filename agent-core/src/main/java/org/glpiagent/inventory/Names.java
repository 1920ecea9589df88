package org.glpiagent.inventory;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cleans what firmware and drivers report before it reaches GLPI: trims padding, drops vendor placeholders
 * ("To Be Filled By O.E.M.", "Default string", all-zero serials) and names CPU vendors by their brand
 * ({@code GenuineIntel} → Intel).
 */
public final class Names {
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "to be filled by o.e.m.", "to be filled by oem", "default string", "system product name",
          "system manufacturer", "system serial number", "system version", "base board product name",
          "base board serial number", "chassis serial number", "not specified", "not applicable", "none",
          "n/a", "na", "unknown", "0123456789", "123456789", "xxxxxxxxxx", "oem", "o.e.m.", "invalid",
          "not available", "none specified", "type1productconfigid", "sku", "empty", "null");
  private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");
  private static final java.util.regex.Pattern ZEROS = java.util.regex.Pattern.compile("[0\\s.:-]+");
  private static final java.util.regex.Pattern EFFS = java.util.regex.Pattern.compile("(?i)[f\\s.:-]+");
  private static final Map<String, String> MANUFACTURERS =
      Map.ofEntries(
          Map.entry("genuineintel", "Intel"),
          Map.entry("intel(r) corporation", "Intel"),
          Map.entry("intel corporation", "Intel"),
          Map.entry("intel corp.", "Intel"),
          Map.entry("authenticamd", "AMD"),
          Map.entry("advanced micro devices, inc.", "AMD"),
          Map.entry("advanced micro devices", "AMD"),
          Map.entry("centaurhauls", "VIA"),
          Map.entry("hygongenuine", "Hygon"));
  // system makers ("Dell Inc.", "Hewlett-Packard") are sent as the firmware says: GLPI's examples do, and
  // its manufacturer dictionary is where administrators merge spellings

  private Names() {}

  /** The value trimmed and stripped of control characters; null when empty or a placeholder. */
  public static String clean(String value) {
    if (value == null) {
      return null;
    }
    String v = value;
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) {
        v = CONTROL.matcher(v).replaceAll("");
        break;
      }
    }
    v = v.strip();
    if (v.isEmpty() || PLACEHOLDERS.contains(v.toLowerCase(Locale.ROOT))) {
      return null;
    }
    return v;
  }

  /** A serial number or UUID; null when empty, a placeholder, all zeros or all F's. */
  public static String serial(String value) {
    String v = clean(value);
    if (v == null || ZEROS.matcher(v).matches() || EFFS.matcher(v).matches()) {
      return null;
    }
    return v;
  }

  /** A manufacturer name as GLPI users know it; null when empty or a placeholder. */
  public static String manufacturer(String value) {
    String v = clean(value);
    if (v == null) {
      return null;
    }
    return MANUFACTURERS.getOrDefault(v.toLowerCase(Locale.ROOT), v);
  }
}
