package org.glpiagent.tasks.inventory;

import java.util.List;
import org.glpiagent.inventory.InventoryContent;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.NetworkParams;

/** The {@code hardware} section: name, UUID, memory and swap, DNS, domain, gateway, chassis, virtualisation. */
final class HardwareCollector implements Collector {
  @Override
  public String category() {
    return "hardware";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    InventoryContent.Entry h = content.section("hardware");
    if (p.linux()) {
      String resolv = p.file("/etc/resolv.conf").orElse("");
      h.text("name", shortName(p.hostname()))
          .positive("memory", p.meminfo("MemTotal") >> 20)
          .number("swap", Math.max(0, p.meminfo("SwapTotal")) >> 20)
          .text("dns", String.join("/", LinuxFiles.nameservers(resolv)))
          .text("workgroup", OsCollector.domain(p.hostname(), p.canonicalHostname().orElse(null)))
          .text("defaultgateway", p.ipv4Gateway())
          .text("vmsystem", Virtualization.detect(p));
      Dmi.hardware(p.dmi(), h);
      p.tail("/var/log/wtmp", Utmp.RECORD, 256).flatMap(Utmp::last).ifPresent(l -> h.text("lastloggeduser", l.user())
          .text("datelastloggeduser", lastDate(l.time(), p.clock().getZone())));
      return;
    }
    HardwareAbstractionLayer hw = p.hardware();
    NetworkParams net = p.os().getNetworkParams();
    h.text("name", shortName(net.getHostName()))
        .positive("memory", hw.getMemory().getTotal() >> 20)
        .number("swap", hw.getMemory().getVirtualMemory().getSwapTotal() >> 20)
        .text("dns", String.join("/", net.getDnsServers()))
        .text("workgroup", net.getDomainName())
        .text("defaultgateway", p.ipv4Gateway())
        .text("vmsystem", Virtualization.detect(p))
        .serial("uuid", hw.getComputerSystem().getHardwareUUID());
  }

  /** A login time as glpi-agent writes it from {@code last}: {@code Tue Nov 18 09:12}. */
  static String lastDate(long epochSeconds, java.time.ZoneId zone) {
    return java.time.format.DateTimeFormatter.ofPattern("EEE MMM dd HH:mm", java.util.Locale.ENGLISH)
        .format(java.time.Instant.ofEpochSecond(epochSeconds).atZone(zone));
  }

  static String shortName(String host) {
    if (host == null) {
      return null;
    }
    int dot = host.indexOf('.');
    return dot > 0 ? host.substring(0, dot) : host;
  }
}
