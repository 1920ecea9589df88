package org.glpiagent.tasks.inventory;

import java.time.Duration;
import org.glpiagent.inventory.InventoryContent;

/** {@code remote_mgmt}, {@code printers} and {@code virtualmachines} (Docker, libvirt, LXC, VirtualBox) on Linux. */
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
      p.command(TIMEOUT, "lxc-ls", "--fancy", "--fancy-format", "name,state").ifPresent(o -> Machines.lxc(o).forEach(g -> guest(content, g)));
      virtualbox(content, p, null);
      if (p.scanHomedirs() && p.superuser()) {
        // glpi-agent's scan-homedirs: each user's own VirtualBox machines, asked as that user
        p.file("/etc/passwd").map(Accounts::passwd).orElse(java.util.List.of()).stream()
            .filter(u -> isRegular(u) && u.home() != null
                && (p.exists(u.home() + "/VirtualBox VMs") || p.exists(u.home() + "/.config/VirtualBox")))
            .forEach(u -> virtualbox(content, p, u.login()));
      }
    });
  }

  private static boolean isRegular(Accounts.User u) {
    try {
      return Integer.parseInt(u.id()) >= 1000 && !u.login().equals("nobody");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The VirtualBox machines of {@code user} (of the agent's own user when null). */
  private static void virtualbox(InventoryContent content, Platform p, String user) {
    java.util.List<String> prefix = user == null ? java.util.List.of("VBoxManage") : java.util.List.of("runuser", "-u", user, "--", "VBoxManage");
    p.command(TIMEOUT, argv(prefix, "-nologo", "list", "vms")).ifPresent(list -> {
      for (String id : Machines.virtualboxIds(list)) {
        p.command(TIMEOUT, argv(prefix, "-nologo", "showvminfo", id, "--machinereadable"))
            .flatMap(Machines::virtualboxInfo)
            .ifPresent(g -> guest(content, user == null ? g : g.ownedBy(user)));
      }
    });
  }

  private static String[] argv(java.util.List<String> prefix, String... rest) {
    java.util.List<String> all = new java.util.ArrayList<>(prefix);
    all.addAll(java.util.List.of(rest));
    return all.toArray(String[]::new);
  }

  private static void guest(InventoryContent content, Machines.Guest g) {
    InventoryContent.Entry e = content.add("virtualmachines").text("name", g.name()).serial("uuid", g.uuid()).raw("status", g.status())
        .text("vmtype", g.vmtype()).text("subsystem", g.subsystem()).text("image", g.image()).text("owner", g.owner());
    if (g.memoryMb() != null) {
      e.number("memory", g.memoryMb());
    }
    if (g.vcpu() != null) {
      e.number("vcpu", g.vcpu());
    }
  }
}
