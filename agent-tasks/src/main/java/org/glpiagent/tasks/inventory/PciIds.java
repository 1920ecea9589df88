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

  static PciIds parse(String text) {
    PciIds ids = new PciIds();
    String vendor = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (line.startsWith("C ")) {
        break; // device classes follow: not needed
      }
      if (!line.startsWith("\t") && line.length() > 6 && line.charAt(4) == ' ') {
        vendor = line.substring(0, 4).toLowerCase();
        ids.vendors.put(vendor, line.substring(4).strip());
      } else if (vendor != null && line.startsWith("\t") && !line.startsWith("\t\t") && line.length() > 7) {
        ids.devices.put(vendor + ":" + line.substring(1, 5).toLowerCase(), line.substring(5).strip());
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
