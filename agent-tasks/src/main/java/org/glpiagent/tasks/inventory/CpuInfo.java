package org.glpiagent.tasks.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Linux's {@code /proc/cpuinfo} read as physical processors (packages), the way GLPI counts CPUs. */
final class CpuInfo {
  /** One physical processor: its name and identity, and how many cores and hardware threads it has. */
  record Package(String name, String vendor, String family, String model, String stepping, long cores,
      long threads, long mhz) {}

  private CpuInfo() {}

  /**
   * The packages, in the order of their {@code physical id}; empty when the text names no processor model
   * (such as ARM kernels, which print implementer codes only).
   */
  static List<Package> packages(String text) {
    Map<String, List<Map<String, String>>> byPackage = new LinkedHashMap<>();
    for (String block : text.split("\n\\s*\n")) {
      Map<String, String> fields = new HashMap<>();
      for (String line : block.split("\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
      if (fields.containsKey("processor")) {
        byPackage.computeIfAbsent(fields.getOrDefault("physical id", "0"), k -> new ArrayList<>()).add(fields);
      }
    }
    List<Package> out = new ArrayList<>();
    for (List<Map<String, String>> threads : byPackage.values()) {
      Map<String, String> first = threads.get(0);
      String name = first.get("model name");
      if (name == null || name.isBlank()) {
        return List.of();
      }
      Set<String> coreIds = new LinkedHashSet<>();
      long mhz = 0;
      for (Map<String, String> t : threads) {
        if (t.containsKey("core id")) {
          coreIds.add(t.get("core id"));
        }
        mhz = Math.max(mhz, whole(t.get("cpu MHz")));
      }
      long cores = whole(first.get("cpu cores"));
      if (cores <= 0) {
        cores = coreIds.isEmpty() ? threads.size() : coreIds.size();
      }
      out.add(new Package(name, first.get("vendor_id"), first.get("cpu family"), first.get("model"),
          first.get("stepping"), cores, threads.size(), mhz));
    }
    return out;
  }

  /** The whole part of a number such as {@code 2445.406}; 0 when it is not one. */
  private static long whole(String v) {
    if (v == null) {
      return 0;
    }
    int dot = v.indexOf('.');
    String w = dot >= 0 ? v.substring(0, dot) : v;
    return w.matches("\\d{1,9}") ? Long.parseLong(w) : 0;
  }
}
