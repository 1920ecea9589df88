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
    if (p.linux() && linux(content, p)) {
      return;
    }
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

  /**
   * Linux: one entry per package of {@code /proc/cpuinfo}, completed with its DMI socket (id, speed, external
   * clock, serial, family name), as glpi-agent does. False when cpuinfo names no processor model (ARM), for
   * OSHI to try.
   */
  private static boolean linux(InventoryContent content, Platform p) {
    List<CpuInfo.Package> packages = CpuInfo.packages(p.dataFile("/proc/cpuinfo").orElse(""));
    if (packages.isEmpty()) {
      return false;
    }
    List<Dmi.Socket> sockets = Dmi.sockets(p.dmi());
    String arch = OsCollector.arch(System.getProperty("os.arch"));
    for (int i = 0; i < packages.size(); i++) {
      CpuInfo.Package pkg = packages.get(i);
      Dmi.Socket socket = i < sockets.size() ? sockets.get(i) : null;
      InventoryContent.Entry e = content.add("cpus");
      e.text("name", pkg.name())
          .manufacturer("manufacturer", pkg.vendor())
          .positive("core", pkg.cores())
          .positive("thread", pkg.threads())
          .positive("speed", socket != null && socket.speed() > 0 ? socket.speed() : pkg.mhz())
          .text("familynumber", pkg.family())
          .text("model", pkg.model())
          .text("arch", arch);
      stepping(pkg.stepping(), e);
      if (socket != null) {
        e.text("id", socket.id())
            .serial("serial", socket.serial())
            .text("familyname", socket.family())
            .positive("external_clock", socket.externalClock());
      }
    }
    return true;
  }
}
