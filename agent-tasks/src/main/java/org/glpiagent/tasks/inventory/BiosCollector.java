package org.glpiagent.tasks.inventory;

import org.glpiagent.inventory.InventoryContent;
import oshi.hardware.ComputerSystem;

/** The {@code bios} section: system, board and firmware identity from DMI (one dmidecode run or /sys on Linux, OSHI elsewhere). */
final class BiosCollector implements Collector {
  @Override
  public String category() {
    return "bios";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    if (p.linux()) {
      Dmi.bios(p.dmi(), content.section("bios"));
      secureBoot(p, content.section("bios"));
      return;
    }
    ComputerSystem cs = p.hardware().getComputerSystem();
    InventoryContent.Entry bios = content.section("bios");
    bios.manufacturer("smanufacturer", cs.getManufacturer())
        .text("smodel", cs.getModel())
        .serial("ssn", cs.getSerialNumber())
        .manufacturer("mmanufacturer", cs.getBaseboard().getManufacturer())
        .text("mmodel", cs.getBaseboard().getModel())
        .serial("msn", cs.getBaseboard().getSerialNumber())
        .manufacturer("bmanufacturer", cs.getFirmware().getManufacturer())
        .text("bversion", cs.getFirmware().getVersion())
        .text("bdate", Dates.biosDate(cs.getFirmware().getReleaseDate()));
  }

  /** UEFI's SecureBoot variable: its last byte is 1 when enabled; a machine without UEFI has none. */
  private static void secureBoot(Platform p, InventoryContent.Entry bios) {
    if (!p.exists("/sys/firmware/efi")) {
      return;
    }
    p.bytes("/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c")
        .filter(b -> b.length > 0)
        .ifPresentOrElse(b -> bios.text("secure_boot", b[b.length - 1] == 1 ? "enabled" : "disabled"),
            () -> bios.text("secure_boot", "unsupported"));
  }
}
