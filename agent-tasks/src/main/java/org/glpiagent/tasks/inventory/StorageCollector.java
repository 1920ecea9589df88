package org.glpiagent.tasks.inventory;

import java.util.Locale;
import org.glpiagent.inventory.InventoryContent;
import oshi.hardware.HWDiskStore;

/** The {@code storages} section: physical disks, without loop, RAM and device-mapper devices. */
final class StorageCollector implements Collector {
  @Override
  public String category() {
    return "storage";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    for (HWDiskStore d : p.hardware().getDiskStores()) {
      String name = d.getName();
      String base = name.replaceFirst("^/dev/", "");
      if (base.matches("(loop|ram|zram|dm-|sr|fd|md)\\d*.*")) {
        continue;
      }
      String model = d.getModel();
      InventoryContent.Entry e = content.add("storages");
      e.text("name", base)
          .text("model", model)
          .text("description", model)
          .serial("serial", d.getSerial())
          .positive("disksize", d.getSize() / 1_000_000)
          .text("interface", iface(base))
          .text("type", "disk")
          .manufacturer("manufacturer", manufacturerOf(model));
      p.file("/sys/block/" + base + "/device/firmware_rev").or(() -> p.file("/sys/block/" + base + "/device/rev"))
          .ifPresent(f -> e.text("firmware", f));
    }
  }

  static String iface(String name) {
    if (name.startsWith("nvme")) {
      return "NVME";
    }
    if (name.startsWith("sd")) {
      return "SCSI";
    }
    if (name.startsWith("hd")) {
      return "IDE";
    }
    if (name.startsWith("vd")) {
      return "Virtio";
    }
    if (name.startsWith("mmcblk")) {
      return "MMC";
    }
    return null;
  }

  /** The maker named by a disk model's prefix, where the prefix says it. */
  static String manufacturerOf(String model) {
    if (model == null) {
      return null;
    }
    String m = model.strip().toUpperCase(Locale.ROOT);
    String[][] prefixes = {
      {"SAMSUNG", "Samsung"}, {"ST", "Seagate"}, {"WDC", "Western Digital"}, {"WD", "Western Digital"},
      {"INTEL", "Intel"}, {"KINGSTON", "Kingston"}, {"CRUCIAL", "Crucial"}, {"CT", "Crucial"},
      {"TOSHIBA", "Toshiba"}, {"HGST", "HGST"}, {"HITACHI", "Hitachi"}, {"MICRON", "Micron"},
      {"SANDISK", "SanDisk"}, {"SK HYNIX", "SK hynix"}, {"HFS", "SK hynix"}, {"VBOX", "VirtualBox"},
      {"QEMU", "QEMU"}, {"VMWARE", "VMware"}
    };
    for (String[] pr : prefixes) {
      if (m.startsWith(pr[0])) {
        return pr[1];
      }
    }
    return null;
  }
}
