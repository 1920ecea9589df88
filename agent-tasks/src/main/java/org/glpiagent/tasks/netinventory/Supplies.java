package org.glpiagent.tasks.netinventory;

import java.util.Locale;

/** GLPI's names of printer supplies ({@code tonerblack}, {@code drumcyan}, {@code wastetoner}...) from their descriptions. */
final class Supplies {
  private Supplies() {}

  /** The name for a {@code prtMarkerSuppliesDescription}, or null when it is none GLPI tracks. */
  static String name(String description) {
    if (description == null) {
      return null;
    }
    String d = description.toLowerCase(Locale.ROOT);
    if (d.contains("waste")) {
      return "wastetoner";
    }
    if (d.contains("maintenance")) {
      return "maintenancekit";
    }
    if (d.contains("fuser")) {
      return "fuserkit";
    }
    if (d.contains("transfer")) {
      return "transferkit";
    }
    String color = d.contains("black") || d.matches(".*\\bk\\b.*") ? "black"
        : d.contains("cyan") ? "cyan" : d.contains("magenta") ? "magenta" : d.contains("yellow") ? "yellow" : null;
    String kind = d.contains("drum") || d.contains("imaging") || d.contains("photoconductor") ? "drum"
        : d.contains("ink") ? "cartridge" : d.contains("toner") || d.contains("cartridge") ? "toner" : null;
    if (kind == null) {
      return null;
    }
    return kind + (color == null ? "black" : color);
  }
}
