package org.glpiagent.tasks.inventory;

import java.time.Instant;
import java.util.Locale;
import org.glpiagent.inventory.InventoryContent;
import oshi.software.os.OSProcess;

/** The {@code processes} section: every process with its command line, owner, memory and start time. */
final class ProcessCollector implements Collector {
  @Override
  public String category() {
    return "process";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    long total = Math.max(1, p.hardware().getMemory().getTotal());
    for (OSProcess proc : p.os().getProcesses()) {
      String cmd = proc.getCommandLine();
      if (cmd == null || cmd.isBlank()) {
        cmd = proc.getName();
      }
      String user = proc.getUser();
      if (cmd == null || cmd.isBlank() || user == null || user.isBlank()) {
        continue;
      }
      InventoryContent.Entry e = content.add("processes");
      e.text("cmd", cmd.replace('\0', ' ').strip())
          .number("pid", proc.getProcessID())
          .text("user", user)
          .text("mem", String.format(Locale.ROOT, "%.1f", 100.0 * proc.getResidentMemory() / total))
          .text("cpuusage", String.format(Locale.ROOT, "%.1f", 100.0 * proc.getProcessCpuLoadCumulative()))
          .number("virtualmemory", proc.getVirtualSize() >> 10);
      if (proc.getStartTime() > 0) {
        e.text("started", Dates.datetime(Instant.ofEpochMilli(proc.getStartTime()), p.clock().getZone()));
      }
    }
  }
}
