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

  /**
   * The vendors (lower-case hex ids) that {@code wanted} accepts and their devices. The file is scanned in
   * place, without splitting it into lines: {@code pci.ids} is over a megabyte, and a computer has a few
   * dozen devices from a handful of vendors.
   */
  static PciIds parse(String text, java.util.function.Predicate<String> wanted) {
    PciIds ids = new PciIds();
    String vendor = null;
    int at = 0;
    int n = text.length();
    while (at < n) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = n;
      }
      char c = text.charAt(at);
      if (c == 'C' && at + 1 < n && text.charAt(at + 1) == ' ') {
        break; // device classes follow: not needed
      }
      if (c == '\t') {
        boolean device = vendor != null && at + 1 < end && text.charAt(at + 1) != '\t' && end - at > 7;
        if (device) {
          ids.devices.put(vendor + ":" + text.substring(at + 1, at + 5).toLowerCase(), text.substring(at + 5, end).strip());
        }
      } else if (c != '#' && end - at > 6 && text.charAt(at + 4) == ' ') {
        String id = text.substring(at, at + 4).toLowerCase();
        vendor = wanted.test(id) ? id : null;
        if (vendor != null) {
          ids.vendors.put(vendor, text.substring(at + 4, end).strip());
        }
      } else if (c != '#' && !text.substring(at, end).isBlank()) {
        vendor = null;
      }
      at = end + 1;
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
