package org.glpiagent.tasks.inventory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.glpiagent.inventory.InventoryContent;
import oshi.software.os.OSProcess;

/**
 * The {@code processes} section: every process with its command line, owner, memory, CPU share and start
 * time. On Linux it reads three small files per process under {@code /proc} (as {@code ps} does), several
 * times faster than a general process library; elsewhere it asks OSHI.
 */
final class ProcessCollector implements Collector {
  /** USER_HZ: the kernel's clock ticks per second in /proc, 100 on every mainstream architecture. */
  private static final long TICKS = 100;
  private static final long PAGE = 4096;

  @Override
  public String category() {
    return "process";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    if (p.exists("/proc/self/stat")) {
      fromProc(content, p);
    } else {
      fromOshi(content, p);
    }
  }

  private static void fromProc(InventoryContent content, Platform p) {
    long total = Math.max(1, p.meminfo("MemTotal"));
    long boot = p.file("/proc/stat").map(ProcessCollector::bootTime).orElse(0L);
    double now = p.clock().millis() / 1000.0;
    Map<String, String> users = new HashMap<>();
    p.file("/etc/passwd").ifPresent(t -> Accounts.passwd(t).forEach(u -> users.put(u.id(), u.login())));
    for (String pid : p.list("/proc")) {
      if (!pid.chars().allMatch(Character::isDigit)) {
        continue;
      }
      ProcStat st = p.file("/proc/" + pid + "/stat").map(ProcStat::parse).orElse(null);
      String status = p.file("/proc/" + pid + "/status").orElse(null);
      if (st == null || status == null) {
        continue; // gone meanwhile
      }
      String cmd = p.file("/proc/" + pid + "/cmdline").map(c -> c.replace('\0', ' ').strip()).filter(c -> !c.isEmpty())
          .orElseGet(() -> "[" + statusField(status, "Name") + "]");
      String uid = statusField(status, "Uid").split("\\s+")[0];
      double started = boot + (double) st.startTicks() / TICKS;
      double alive = Math.max(0.01, now - started);
      InventoryContent.Entry e = content.add("processes");
      e.text("cmd", cmd)
          .number("pid", st.pid())
          .text("user", users.getOrDefault(uid, uid))
          .text("mem", String.format(Locale.ROOT, "%.1f", 100.0 * st.rssPages() * PAGE / total))
          .text("cpuusage", String.format(Locale.ROOT, "%.1f", 100.0 * (st.utimeTicks() + st.stimeTicks()) / TICKS / alive))
          .number("virtualmemory", st.vsizeBytes() >> 10)
          .text("tty", st.tty());
      if (boot > 0) {
        e.text("started", Dates.datetime(Instant.ofEpochSecond((long) started), p.clock().getZone()));
      }
    }
  }

  private static void fromOshi(InventoryContent content, Platform p) {
    long total = Math.max(1, p.hardware().getMemory().getTotal());
    for (OSProcess proc : p.os().getProcesses()) {
      String cmd = proc.getCommandLine() == null || proc.getCommandLine().isBlank() ? proc.getName() : proc.getCommandLine();
      if (cmd == null || cmd.isBlank() || proc.getUser() == null || proc.getUser().isBlank()) {
        continue;
      }
      InventoryContent.Entry e = content.add("processes");
      e.text("cmd", cmd.replace('\0', ' ').strip())
          .number("pid", proc.getProcessID())
          .text("user", proc.getUser())
          .text("mem", String.format(Locale.ROOT, "%.1f", 100.0 * proc.getResidentMemory() / total))
          .text("cpuusage", String.format(Locale.ROOT, "%.1f", 100.0 * proc.getProcessCpuLoadCumulative()))
          .number("virtualmemory", proc.getVirtualSize() >> 10);
      if (proc.getStartTime() > 0) {
        e.text("started", Dates.datetime(Instant.ofEpochMilli(proc.getStartTime()), p.clock().getZone()));
      }
    }
  }

  /** {@code btime} of /proc/stat: the boot time in epoch seconds. */
  static long bootTime(String procStat) {
    for (String line : procStat.split("\n")) {
      if (line.startsWith("btime ")) {
        return Long.parseLong(line.substring(6).strip());
      }
    }
    return 0;
  }

  /** A field of /proc/<pid>/status, such as {@code Uid}. */
  static String statusField(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name + ":")) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return "";
  }
}
