package org.glpiagent.tasks.inventory;

import org.glpiagent.inventory.InventoryContent;
import oshi.hardware.ComputerSystem;

/** The {@code bios} section: system, board and firmware identity from DMI (through OSHI). */
final class BiosCollector implements Collector {
  @Override
  public String category() {
    return "bios";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
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
    p.file("/sys/class/dmi/id/product_sku").ifPresent(s -> bios.text("skunumber", s));
    p.file("/sys/class/dmi/id/chassis_asset_tag").ifPresent(s -> bios.text("assettag", s));
    p.file("/sys/class/dmi/id/chassis_serial").ifPresent(s -> bios.serial("enclosureserial", s));
  }
}
