package org.glpiagent.tasks.inventory;

import java.util.List;
import org.glpiagent.inventory.InventoryContent;
import oshi.hardware.CentralProcessor;

/** The {@code cpus} section: one entry per physical package (socket). */
final class CpuCollector implements Collector {
  @Override
  public String category() {
    return "cpu";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    CentralProcessor cpu = p.hardware().getProcessor();
    CentralProcessor.ProcessorIdentifier id = cpu.getProcessorIdentifier();
    int packages = Math.max(1, cpu.getPhysicalPackageCount());
    List<CentralProcessor.PhysicalProcessor> cores = cpu.getPhysicalProcessors();
    long logical = cpu.getLogicalProcessorCount();
    for (int pkg = 0; pkg < packages; pkg++) {
      final int n = pkg;
      long coreCount = cores.stream().filter(c -> c.getPhysicalPackageNumber() == n).count();
      if (coreCount == 0) {
        coreCount = Math.max(1, cores.size() / packages);
      }
      long mhz = id.getVendorFreq() > 0 ? id.getVendorFreq() / 1_000_000 : cpu.getMaxFreq() / 1_000_000;
      if (mhz <= 0) {
        // virtual machines often report neither: the current frequency is better than nothing
        mhz = java.util.Arrays.stream(cpu.getCurrentFreq()).max().orElse(0) / 1_000_000;
      }
      InventoryContent.Entry e = content.add("cpus");
      e.text("name", id.getName())
          .manufacturer("manufacturer", id.getVendor())
          .positive("core", coreCount)
          .positive("thread", logical / packages)
          .positive("speed", mhz)
          .text("id", id.getProcessorID())
          .text("familynumber", id.getFamily())
          .text("model", id.getModel())
          .text("arch", OsCollector.arch(System.getProperty("os.arch")));
      stepping(id.getStepping(), e);
    }
  }

  private static void stepping(String s, InventoryContent.Entry e) {
    if (s != null && s.strip().matches("\\d{1,4}")) {
      e.number("stepping", Long.parseLong(s.strip()));
    }
  }
}
