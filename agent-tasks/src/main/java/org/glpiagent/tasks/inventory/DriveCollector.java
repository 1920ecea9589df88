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
    if (p.linux()) {
      linux(content, p);
      return;
    }
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

  /**
   * Linux: the mounts of {@code /proc/mounts} that are real file systems (the root's overlay in a container
   * too), each mount point once, with its size from the file system, and its label and UUID from the
   * links udev keeps in {@code /dev/disk/by-label} and {@code /dev/disk/by-uuid}.
   */
  private static void linux(InventoryContent content, Platform p) {
    java.util.Map<String, String> labels = links(p, "/dev/disk/by-label");
    java.util.Map<String, String> uuids = links(p, "/dev/disk/by-uuid");
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (LinuxFiles.Mount m : LinuxFiles.mounts(p.file("/proc/mounts").orElse(""))) {
      boolean rootOverlay = "overlay".equals(m.type()) && "/".equals(m.mountPoint());
      if (!rootOverlay && PSEUDO.contains(m.type()) || !seen.add(m.mountPoint())) {
        continue;
      }
      long[] space = p.space(m.mountPoint()).orElse(null);
      if (space == null || space[0] <= 0) {
        continue;
      }
      String dev = m.device().startsWith("/dev/") ? m.device().substring(m.device().lastIndexOf('/') + 1) : null;
      InventoryContent.Entry e = content.add("drives");
      e.text("type", m.mountPoint())
          .text("volumn", m.device())
          .text("filesystem", m.type())
          .number("total", space[0] >> 20)
          .number("free", space[1] >> 20)
          .text("label", dev == null ? null : labels.get(dev))
          .serial("serial", dev == null ? null : uuids.get(dev));
      if ("/".equals(m.mountPoint())) {
        e.flag("systemdrive", true);
      }
    }
  }

  /** {@code /dev/disk/by-*}: link name by the device it points to ({@code sda1} → {@code home}). */
  private static java.util.Map<String, String> links(Platform p, String dir) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (String name : p.list(dir)) {
      p.linkName(dir + "/" + name).ifPresent(target -> out.putIfAbsent(target, udevUnescape(name)));
    }
    return out;
  }

  /** udev writes unsafe characters of link names as {@code \\x20}. */
  static String udevUnescape(String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\\x([0-9a-fA-F]{2})").matcher(name);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(b).toString();
  }
}
