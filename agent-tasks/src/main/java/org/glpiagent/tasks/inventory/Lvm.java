package org.glpiagent.tasks.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * LVM's physical volumes, volume groups and logical volumes from {@code pvs}, {@code vgs} and {@code lvs}
 * asked for fixed columns, no headings, sizes in MiB without a unit and {@code ;} between fields. A line that
 * does not have its fields, or whose sizes are not numbers, is left out.
 */
final class Lvm {
  private static final List<String> REPORT = List.of("--noheadings", "--nosuffix", "--units", "m", "--separator", ";", "-o");
  static final List<String> PVS = command("pvs", "pv_name,pv_fmt,pv_attr,pv_size,pv_free,pv_uuid,pv_pe_count,vg_uuid,vg_extent_size");
  static final List<String> VGS = command("vgs", "vg_name,pv_count,lv_count,vg_attr,vg_size,vg_free,vg_uuid,vg_extent_size");
  static final List<String> LVS = command("lvs", "lv_name,vg_name,lv_attr,lv_size,lv_uuid,seg_count,vg_uuid");

  /** A physical volume; sizes in MiB. */
  record PhysicalVolume(String device, String format, String attr, long size, long free, String pvUuid, long peCount, String vgUuid, long peSize) {}

  /** A volume group; sizes in MiB, the extent size as LVM prints it. */
  record VolumeGroup(String name, long pvCount, long lvCount, String attr, long size, long free, String uuid, String extentSize) {}

  /** A logical volume; its size in MiB. */
  record LogicalVolume(String name, String vgName, String attr, long size, String uuid, long segCount, String vgUuid) {}

  private Lvm() {}

  private static List<String> command(String program, String columns) {
    List<String> argv = new ArrayList<>();
    argv.add(program);
    argv.addAll(REPORT);
    argv.add(columns);
    return List.copyOf(argv);
  }

  static List<PhysicalVolume> pvs(String output) {
    return rows(output, 9, f -> new PhysicalVolume(f[0], f[1], f[2], mib(f[3]), mib(f[4]), f[5], mib(f[6]), blank(f[7]), mib(f[8])));
  }

  static List<VolumeGroup> vgs(String output) {
    return rows(output, 8, f -> new VolumeGroup(f[0], mib(f[1]), mib(f[2]), f[3], mib(f[4]), mib(f[5]), f[6], number(f[7])));
  }

  static List<LogicalVolume> lvs(String output) {
    return rows(output, 7, f -> new LogicalVolume(f[0], f[1], f[2], mib(f[3]), f[4], mib(f[5]), f[6]));
  }

  private static <T> List<T> rows(String output, int fields, Function<String[], T> row) {
    List<T> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] f = line.strip().split(";", -1);
      if (f.length != fields || f[0].isEmpty()) {
        continue;
      }
      for (int i = 0; i < f.length; i++) {
        f[i] = f[i].strip();
      }
      try {
        out.add(row.apply(f));
      } catch (NumberFormatException e) {
        // a size that is not a number: the line is left out
      }
    }
    return out;
  }

  /** {@code "196.00"} → 196; an empty field (a PV in no group) → 0. */
  private static long mib(String s) {
    return s.isEmpty() ? 0 : Math.round(Double.parseDouble(s));
  }

  private static String number(String s) {
    Double.parseDouble(s);
    return s;
  }

  private static String blank(String s) {
    return s.isEmpty() ? null : s;
  }
}
