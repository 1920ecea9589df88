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
    if (p.linux()) {
      linux(content, p);
      return;
    }
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

  /**
   * Linux: the block devices of {@code /sys/block} that are disks, their size, model and firmware from sysfs
   * and their serial from udev's database (as OSHI reads it), or sysfs where udev keeps none.
   */
  private static void linux(InventoryContent content, Platform p) {
    for (String base : p.list("/sys/block")) {
      if (base.matches("(loop|ram|zram|dm-|sr|fd|md|nbd)\\d*.*")) {
        continue;
      }
      String sys = "/sys/block/" + base;
      long sectors = p.file(sys + "/size").filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong).orElse(0L);
      java.util.Map<String, String> udev = p.file(sys + "/dev")
          .flatMap(dev -> p.file("/run/udev/data/b" + dev.strip()))
          .map(LinuxFiles::udevProperties).orElse(java.util.Map.of());
      String model = p.file(sys + "/device/model")
          .or(() -> java.util.Optional.ofNullable(udev.get("ID_MODEL")).map(m -> m.replace('_', ' ')))
          .orElse(null);
      String serial = java.util.Optional.ofNullable(udev.get("ID_SERIAL_SHORT"))
          .or(() -> p.file(sys + "/device/serial")).orElse(null);
      InventoryContent.Entry e = content.add("storages");
      e.text("name", base)
          .text("model", model)
          .text("description", model)
          .serial("serial", serial)
          .positive("disksize", sectors * 512 / 1_000_000)
          .text("interface", iface(base))
          .text("type", "disk")
          .manufacturer("manufacturer", manufacturerOf(model));
      p.file(sys + "/device/firmware_rev").or(() -> p.file(sys + "/device/rev"))
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
