package org.glpiagent.tasks.inventory;

import java.util.Set;
import org.glpiagent.inventory.InventoryContent;
import oshi.software.os.OSFileStore;

/** The {@code drives} section: mounted file systems, without the kernel's pseudo file systems. */
final class DriveCollector implements Collector {
  private static final Set<String> PSEUDO =
      Set.of(
          "proc", "sysfs", "devtmpfs", "devpts", "tmpfs", "cgroup", "cgroup2", "securityfs", "pstore", "bpf",
          "debugfs", "tracefs", "configfs", "fusectl", "mqueue", "hugetlbfs", "autofs", "binfmt_misc", "nsfs",
          "ramfs", "rpc_pipefs", "efivarfs", "squashfs", "fuse.gvfsd-fuse", "fuse.portal", "overlay", "shm");

  @Override
  public String category() {
    return "drive";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    for (OSFileStore fs : p.os().getFileSystem().getFileStores(true)) {
      String type = fs.getType();
      String mount = fs.getMount();
      boolean rootOverlay = "overlay".equals(type) && "/".equals(mount);
      if (!rootOverlay && (PSEUDO.contains(type) || fs.getTotalSpace() <= 0)) {
        continue;
      }
      InventoryContent.Entry e = content.add("drives");
      boolean windows = mount.matches("[A-Za-z]:\\\\?");
      e.text(windows ? "letter" : "type", windows ? mount.substring(0, 2) : mount)
          .text("volumn", fs.getVolume())
          .text("filesystem", type)
          .number("total", fs.getTotalSpace() >> 20)
          .number("free", fs.getUsableSpace() >> 20)
          .text("label", fs.getLabel().equals(fs.getName()) ? null : fs.getLabel())
          .serial("serial", fs.getUUID());
      if (windows || "/".equals(mount)) {
        e.flag("systemdrive", "/".equals(mount) || mount.equalsIgnoreCase(System.getenv().getOrDefault("SystemDrive", "C:")));
      }
    }
  }
}
