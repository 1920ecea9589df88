package org.glpiagent.tasks.inventory;

import java.util.List;
import org.glpiagent.inventory.InventoryContent;
import oshi.hardware.PhysicalMemory;

/** The {@code memories} section: one entry per memory slot DMI reports, empty ones too (none in a
 * container); on Linux from the one DMI read, elsewhere from OSHI. */
final class MemoryCollector implements Collector {
  @Override
  public String category() {
    return "memory";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    if (p.linux()) {
      Dmi.memories(p.dmi(), content);
      return;
    }
    List<PhysicalMemory> modules = p.hardware().getMemory().getPhysicalMemory();
    int slot = 0;
    for (PhysicalMemory m : modules) {
      slot++;
      InventoryContent.Entry e = content.add("memories");
      e.positive("capacity", m.getCapacity() >> 20)
          .text("caption", m.getBankLabel())
          .text("description", m.getBankLabel())
          .text("type", m.getMemoryType())
          .manufacturer("manufacturer", m.getManufacturer())
          .serial("serialnumber", m.getSerialNumber())
          .text("model", m.getPartNumber())
          .number("numslots", slot);
      if (m.getClockSpeed() > 0) {
        e.text("speed", String.valueOf(m.getClockSpeed() / 1_000_000));
      }
    }
  }
}
