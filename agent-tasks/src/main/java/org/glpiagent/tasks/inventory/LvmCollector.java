package org.glpiagent.tasks.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.glpiagent.inventory.InventoryContent;

/** {@code physical_volumes}, {@code volume_groups} and {@code logical_volumes} from LVM's report commands (as root). */
final class LvmCollector {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private LvmCollector() {}

  static Collector lvm() {
    return new AccountsCollector.Named("lvm", (content, p) -> {
      // each report scans the block devices (about 0.1 s): the three run at once
      List<Optional<String>> out = p.commandsAtOnce(TIMEOUT, List.of(Lvm.PVS, Lvm.VGS, Lvm.LVS));
      out.get(0).ifPresent(o -> Lvm.pvs(o).forEach(v -> pv(content, v)));
      out.get(1).ifPresent(o -> Lvm.vgs(o).forEach(v -> vg(content, v)));
      out.get(2).ifPresent(o -> Lvm.lvs(o).forEach(v -> lv(content, v)));
    });
  }

  private static void pv(InventoryContent content, Lvm.PhysicalVolume v) {
    content.add("physical_volumes").text("device", v.device()).text("format", v.format()).text("attr", v.attr())
        .number("size", v.size()).number("free", v.free()).text("pv_uuid", v.pvUuid()).number("pv_pe_count", v.peCount())
        .text("vg_uuid", v.vgUuid()).number("pe_size", v.peSize());
  }

  private static void vg(InventoryContent content, Lvm.VolumeGroup v) {
    content.add("volume_groups").text("vg_name", v.name()).number("pv_count", v.pvCount()).number("lv_count", v.lvCount())
        .text("attr", v.attr()).number("size", v.size()).number("free", v.free()).text("vg_uuid", v.uuid())
        .text("vg_extent_size", v.extentSize());
  }

  private static void lv(InventoryContent content, Lvm.LogicalVolume v) {
    content.add("logical_volumes").text("lv_name", v.name()).text("vg_name", v.vgName()).text("attr", v.attr())
        .number("size", v.size()).text("lv_uuid", v.uuid()).number("seg_count", v.segCount()).text("vg_uuid", v.vgUuid());
  }
}
