package org.glpiagent.tasks.inventory;

import java.time.Duration;
import org.glpiagent.inventory.InventoryContent;

/** {@code remote_mgmt}, {@code printers} and {@code virtualmachines} on Linux. */
final class MachineCollectors {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private MachineCollectors() {}

  static Collector remoteManagement() {
    return new AccountsCollector.Named("remote_mgmt", (content, p) -> {
      p.file("/etc/teamviewer/global.conf").flatMap(Machines::teamviewer).ifPresent(r -> add(content, r));
      p.file("/etc/anydesk/system.conf").flatMap(Machines::anydesk).ifPresent(r -> add(content, r));
    });
  }

  private static void add(InventoryContent content, Machines.Remote r) {
    content.add("remote_mgmt").text("type", r.type()).text("id", r.id());
  }

  static Collector printers() {
    return new AccountsCollector.Named("printer", (content, p) -> p.file("/etc/cups/printers.conf").ifPresent(conf -> {
      for (Machines.Printer pr : Machines.cups(conf)) {
        InventoryContent.Entry e = content.add("printers").text("name", pr.name()).text("description", pr.description())
            .text("port", pr.port()).flag("shared", pr.shared()).flag("network", pr.network());
        e.raw("status", pr.status());
      }
    }));
  }

  static Collector virtualMachines() {
    return new AccountsCollector.Named("virtualmachine", (content, p) -> {
      p.command(TIMEOUT, "docker", "ps", "-a", "--no-trunc", "--format", "{{.ID}}\t{{.Names}}\t{{.Image}}\t{{.State}}")
          .ifPresent(o -> Machines.docker(o).forEach(g -> guest(content, g)));
      p.command(TIMEOUT, "virsh", "list", "--all").ifPresent(o -> Machines.virsh(o).forEach(g -> guest(content, g)));
    });
  }

  private static void guest(InventoryContent content, Machines.Guest g) {
    content.add("virtualmachines").text("name", g.name()).serial("uuid", g.uuid()).raw("status", g.status())
        .text("vmtype", g.vmtype()).text("subsystem", g.subsystem()).text("image", g.image());
  }
}
