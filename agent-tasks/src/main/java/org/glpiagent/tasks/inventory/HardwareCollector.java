package org.glpiagent.tasks.inventory;

import java.util.List;
import org.glpiagent.inventory.InventoryContent;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.NetworkParams;

/** The {@code hardware} section: name, UUID, memory and swap, DNS, domain, gateway, chassis, virtualisation. */
final class HardwareCollector implements Collector {
  /** SMBIOS chassis types (DMTF DSP0134 7.4.1), by number. */
  private static final List<String> CHASSIS =
      List.of(
          "", "Other", "Unknown", "Desktop", "Low Profile Desktop", "Pizza Box", "Mini Tower", "Tower", "Portable",
          "Laptop", "Notebook", "Hand Held", "Docking Station", "All in One", "Sub Notebook", "Space-saving",
          "Lunch Box", "Main Server Chassis", "Expansion Chassis", "SubChassis", "Bus Expansion Chassis",
          "Peripheral Chassis", "RAID Chassis", "Rack Mount Chassis", "Sealed-case PC", "Multi-system chassis",
          "Compact PCI", "Advanced TCA", "Blade", "Blade Enclosure", "Tablet", "Convertible", "Detachable",
          "IoT Gateway", "Embedded PC", "Mini PC", "Stick PC");

  @Override
  public String category() {
    return "hardware";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    HardwareAbstractionLayer hw = p.hardware();
    NetworkParams net = p.os().getNetworkParams();
    InventoryContent.Entry h = content.section("hardware");
    h.text("name", shortName(net.getHostName()))
        .serial("uuid", hw.getComputerSystem().getHardwareUUID())
        .positive("memory", hw.getMemory().getTotal() >> 20)
        .number("swap", hw.getMemory().getVirtualMemory().getSwapTotal() >> 20)
        .text("dns", String.join("/", net.getDnsServers()))
        .text("workgroup", net.getDomainName())
        .text("defaultgateway", net.getIpv4DefaultGateway())
        .text("vmsystem", Virtualization.detect(p));
    p.file("/sys/class/dmi/id/chassis_type").ifPresent(t -> h.text("chassis_type", chassis(t)));
  }

  static String chassis(String number) {
    try {
      int n = Integer.parseInt(number.strip());
      return n > 0 && n < CHASSIS.size() ? CHASSIS.get(n) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String shortName(String host) {
    if (host == null) {
      return null;
    }
    int dot = host.indexOf('.');
    return dot > 0 ? host.substring(0, dot) : host;
  }
}
