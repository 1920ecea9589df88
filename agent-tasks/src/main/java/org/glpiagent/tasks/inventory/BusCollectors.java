package org.glpiagent.tasks.inventory;

import java.util.Locale;
import org.glpiagent.inventory.InventoryContent;

/** {@code controllers} (PCI devices) and {@code usbdevices}, read from sysfs and named from pci.ids / usb.ids. */
final class BusCollectors {
  private BusCollectors() {}

  /** PCI class codes (the high byte of {@code class}) as lspci names them. */
  private static final String[] PCI_CLASSES = {
    "Unclassified device", "Mass storage controller", "Network controller", "Display controller",
    "Multimedia controller", "Memory controller", "Bridge", "Communication controller",
    "Generic system peripheral", "Input device controller", "Docking station", "Processor",
    "Serial bus controller", "Wireless controller", "Intelligent controller", "Satellite communications controller",
    "Encryption controller", "Signal processing controller", "Processing accelerators", "Non-Essential Instrumentation"
  };

  static Collector pci() {
    return new AccountsCollector.Named("controller", (content, p) -> {
      java.util.List<String> slots = p.list("/sys/bus/pci/devices");
      java.util.Set<String> vendors = new java.util.HashSet<>();
      slots.forEach(slot -> vendors.add(hex4(p.file("/sys/bus/pci/devices/" + slot + "/vendor").orElse(""))));
      PciIds ids = p.lines("/usr/share/misc/pci.ids", l -> PciIds.parse(l, vendors::contains))
          .or(() -> p.lines("/usr/share/hwdata/pci.ids", l -> PciIds.parse(l, vendors::contains))).orElse(PciIds.empty());
      for (String slot : slots) {
        String dir = "/sys/bus/pci/devices/" + slot;
        String vendor = hex4(p.file(dir + "/vendor").orElse(""));
        String device = hex4(p.file(dir + "/device").orElse(""));
        if (vendor == null || device == null) {
          continue;
        }
        String cls = p.file(dir + "/class").orElse("").replace("0x", "");
        String subVendor = hex4(p.file(dir + "/subsystem_vendor").orElse(""));
        String subDevice = hex4(p.file(dir + "/subsystem_device").orElse(""));
        InventoryContent.Entry e = content.add("controllers");
        String name = ids.device(vendor, device);
        e.text("name", name != null ? name : vendor + ":" + device)
            .manufacturer("manufacturer", ids.vendor(vendor))
            .text("vendorid", vendor)
            .text("productid", device)
            .text("pcislot", slot.replaceFirst("^0000:", ""))
            .text("pciclass", cls.length() >= 4 ? cls.substring(0, 4) : null)
            .text("type", className(cls))
            .text("rev", p.file(dir + "/revision").map(r -> r.replace("0x", "")).orElse(null))
            .text("pcisubsystemid", subVendor != null && subDevice != null ? subVendor + ":" + subDevice : null);
        p.linkName(dir + "/driver").ifPresent(d -> e.text("driver", d));
      }
    });
  }

  static Collector usb() {
    return new AccountsCollector.Named("usb", (content, p) -> {
      java.util.List<String> devs = p.list("/sys/bus/usb/devices");
      java.util.Set<String> vendors = new java.util.HashSet<>();
      devs.forEach(dev -> vendors.add(hex4(p.file("/sys/bus/usb/devices/" + dev + "/idVendor").orElse(""))));
      PciIds ids = vendors.stream().allMatch(java.util.Objects::isNull) ? PciIds.empty()
          : p.lines("/usr/share/misc/usb.ids", l -> PciIds.parse(l, vendors::contains))
              .or(() -> p.lines("/var/lib/usbutils/usb.ids", l -> PciIds.parse(l, vendors::contains))).orElse(PciIds.empty());
      for (String dev : devs) {
        String dir = "/sys/bus/usb/devices/" + dev;
        if (dev.contains(":") || dev.startsWith("usb")) {
          continue; // interfaces and root hubs
        }
        String vendor = hex4(p.file(dir + "/idVendor").orElse(""));
        String product = hex4(p.file(dir + "/idProduct").orElse(""));
        if (vendor == null || product == null) {
          continue;
        }
        String name = p.file(dir + "/product").orElse(ids.device(vendor, product));
        content.add("usbdevices")
            .text("vendorid", vendor)
            .text("productid", product)
            .text("name", name)
            .manufacturer("manufacturer", p.file(dir + "/manufacturer").orElse(ids.vendor(vendor)))
            .serial("serial", p.file(dir + "/serial").orElse(null))
            .text("class", p.file(dir + "/bDeviceClass").map(c -> String.valueOf(Integer.parseInt(c, 16))).orElse(null))
            .text("subclass", p.file(dir + "/bDeviceSubClass").map(c -> String.valueOf(Integer.parseInt(c, 16))).orElse(null));
      }
    });
  }

  static String className(String cls) {
    if (cls.length() < 2) {
      return null;
    }
    try {
      int c = Integer.parseInt(cls.substring(0, 2), 16);
      return c < PCI_CLASSES.length ? PCI_CLASSES[c] : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code 0x8086} → {@code 8086}; null when not a 16-bit hex number. */
  static String hex4(String s) {
    String v = s.strip().toLowerCase(Locale.ROOT).replace("0x", "");
    return v.matches("[0-9a-f]{4}") ? v : null;
  }
}
