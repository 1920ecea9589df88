package org.glpiagent.tasks.inventory;

import java.util.HashMap;
import java.util.Map;

/**
 * Names of PCI and USB vendors and devices from the {@code pci.ids} / {@code usb.ids} files the system ships
 * (format: a vendor line {@code "8086  Intel Corporation"}, device lines indented by one tab).
 */
final class PciIds {
  private final Map<String, String> vendors = new HashMap<>();
  private final Map<String, String> devices = new HashMap<>();

  private PciIds() {}

  /** Every vendor and device of the file. */
  static PciIds parse(String text) {
    return parse(text, v -> true);
  }

  /** {@link #parse(java.util.stream.Stream, java.util.function.Predicate)} of a whole text. */
  static PciIds parse(String text, java.util.function.Predicate<String> wanted) {
    return parse(text.lines(), wanted);
  }

  /**
   * The vendors (lower-case hex ids) that {@code wanted} accepts and their devices, from the file's lines
   * read one at a time: {@code pci.ids} is over a megabyte, and a computer has a few dozen devices from a
   * handful of vendors, so the file is never held whole.
   */
  static PciIds parse(java.util.stream.Stream<String> lines, java.util.function.Predicate<String> wanted) {
    PciIds ids = new PciIds();
    String vendor = null;
    for (java.util.Iterator<String> it = lines.iterator(); it.hasNext(); ) {
      String line = it.next();
      int n = line.length();
      if (n == 0 || line.charAt(0) == '#') {
        continue;
      }
      char c = line.charAt(0);
      if (c == 'C' && n > 1 && line.charAt(1) == ' ') {
        break; // device classes follow: not needed
      }
      if (c == '\t') {
        if (vendor != null && n > 6 && line.charAt(1) != '\t') {
          ids.devices.put(vendor + ":" + line.substring(1, 5).toLowerCase(java.util.Locale.ROOT), line.substring(5).strip());
        }
      } else if (n > 6 && line.charAt(4) == ' ') {
        String id = line.substring(0, 4).toLowerCase(java.util.Locale.ROOT);
        vendor = wanted.test(id) ? id : null;
        if (vendor != null) {
          ids.vendors.put(vendor, line.substring(4).strip());
        }
      } else if (!line.isBlank()) {
        vendor = null;
      }
    }
    return ids;
  }

  static PciIds empty() {
    return new PciIds();
  }

  String vendor(String id) {
    return vendors.get(id.toLowerCase());
  }

  String device(String vendorId, String deviceId) {
    return devices.get(vendorId.toLowerCase() + ":" + deviceId.toLowerCase());
  }
}
