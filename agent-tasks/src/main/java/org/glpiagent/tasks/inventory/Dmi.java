package org.glpiagent.tasks.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glpiagent.inventory.InventoryContent;

/**
 * The machine's SMBIOS (DMI) structures, read from one run of {@code dmidecode} (root only), or rebuilt from
 * the few values {@code /sys/class/dmi/id} offers when there is no such run. One read serves the
 * {@code bios}, {@code hardware}, {@code memories} and {@code cpus} sections, where OSHI would run
 * {@code dmidecode}, {@code lshw} or {@code lshal} once per value.
 */
final class Dmi {
  static final int BIOS = 0;
  static final int SYSTEM = 1;
  static final int BOARD = 2;
  static final int CHASSIS = 3;
  static final int PROCESSOR = 4;
  static final int MEMORY_ARRAY = 16;
  static final int MEMORY_DEVICE = 17;

  /** What dmidecode prints for a value the firmware did not give; never a fact about the machine. */
  private static final Set<String> ABSENT =
      Set.of(
          "not specified", "not provided", "not present", "not installed", "no module installed", "<bad index>",
          "<out of spec>", "unknown", "not applicable", "none", "undefined", "other", "no dimm",
          "not settable", "no asset information", "no asset tag", "not available");
  private static final Pattern HANDLE = Pattern.compile("Handle (0x[0-9A-Fa-f]+), DMI type (\\d+),.*");
  private static final Pattern MEGABYTES = Pattern.compile("(\\d+)\\s*(kB|KB|MB|GB|TB)\\b.*");
  private static final Pattern MHZ = Pattern.compile("(\\d+)\\s*(MHz|MT/s|GHz).*");
  private static final Pattern FILLER =
      Pattern.compile("(?i)(0x)?0+|(manufacturer|partnum|part ?number|modulepartnumber|sernum|serial ?number|assettagnum|asset ?tag)\\s*\\d*");

  /** One structure: its type, handle, title line, "key: value" fields and "key:" lists. */
  record Structure(int type, String handle, String title, Map<String, String> fields, Map<String, List<String>> lists) {
    /** A field's value as the firmware gave it; empty for dmidecode's "Not Specified" and the like. */
    Optional<String> get(String key) {
      String v = fields.get(key);
      if (v == null) {
        return Optional.empty();
      }
      v = v.strip();
      return v.isEmpty() || ABSENT.contains(v.toLowerCase(Locale.ROOT)) ? Optional.empty() : Optional.of(v);
    }

    /** A field's value, or null. */
    String value(String key) {
      return get(key).orElse(null);
    }
  }

  private Dmi() {}

  /** Every structure of dmidecode's text output, in order; lines that are no structure are skipped. */
  static List<Structure> parse(String text) {
    List<Structure> out = new ArrayList<>();
    int type = -1;
    String handle = null;
    String title = null;
    Map<String, String> fields = null;
    Map<String, List<String>> lists = null;
    String listKey = null;
    for (String raw : text.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      Matcher h = HANDLE.matcher(line);
      if (h.matches()) {
        if (fields != null) {
          out.add(new Structure(type, handle, title, fields, lists));
        }
        try {
          type = Integer.parseInt(h.group(2));
        } catch (NumberFormatException e) {
          type = -1; // more digits than a type has: kept, but no section reads it
        }
        handle = h.group(1);
        title = null;
        fields = new LinkedHashMap<>();
        lists = new LinkedHashMap<>();
        listKey = null;
        continue;
      }
      if (fields == null) {
        continue;
      }
      if (line.isBlank()) {
        out.add(new Structure(type, handle, title, fields, lists));
        fields = null;
        continue;
      }
      if (title == null && !line.startsWith("\t")) {
        title = line.strip();
        continue;
      }
      if (line.startsWith("\t\t")) {
        if (listKey != null) {
          lists.get(listKey).add(line.strip());
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (!line.startsWith("\t") || colon < 0) {
        listKey = null;
        continue;
      }
      String key = line.substring(1, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (value.isEmpty()) {
        listKey = key;
        lists.put(key, new ArrayList<>());
      } else {
        listKey = null;
        fields.putIfAbsent(key, value);
      }
    }
    if (fields != null) {
      out.add(new Structure(type, handle, title, fields, lists));
    }
    return out;
  }

  /**
   * The structures {@code /sys/class/dmi/id} can stand for (BIOS, system, board, chassis), with dmidecode's
   * field names; {@code file} reads one of its files. Empty when the folder is absent, as in most containers.
   */
  static List<Structure> fromSysfs(Function<String, Optional<String>> file) {
    List<Structure> out = new ArrayList<>();
    add(out, BIOS, file, "bios_vendor", "Vendor", "bios_version", "Version", "bios_date", "Release Date");
    add(out, SYSTEM, file, "sys_vendor", "Manufacturer", "product_name", "Product Name", "product_version", "Version",
        "product_serial", "Serial Number", "product_uuid", "UUID", "product_sku", "SKU Number", "product_family", "Family");
    add(out, BOARD, file, "board_vendor", "Manufacturer", "board_name", "Product Name", "board_version", "Version",
        "board_serial", "Serial Number", "board_asset_tag", "Asset Tag");
    add(out, CHASSIS, file, "chassis_vendor", "Manufacturer", "chassis_type", "Type", "chassis_serial", "Serial Number",
        "chassis_asset_tag", "Asset Tag");
    return out;
  }

  private static void add(List<Structure> out, int type, Function<String, Optional<String>> file, String... pairs) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      String key = pairs[i + 1];
      file.apply("/sys/class/dmi/id/" + pairs[i]).ifPresent(v -> fields.put(key, v));
    }
    if (type == CHASSIS && fields.containsKey("Type")) {
      // the kernel gives the SMBIOS number; dmidecode gives its name
      String name = chassisName(fields.get("Type"));
      if (name == null) {
        fields.remove("Type");
      } else {
        fields.put("Type", name);
      }
    }
    if (!fields.isEmpty()) {
      out.add(new Structure(type, "sysfs", null, fields, Map.of()));
    }
  }

  /** The structures of one type, in order. */
  static List<Structure> all(List<Structure> dmi, int type) {
    return dmi.stream().filter(s -> s.type() == type).toList();
  }

  /** The first structure of a type, if any. */
  static Optional<Structure> first(List<Structure> dmi, int type) {
    return dmi.stream().filter(s -> s.type() == type).findFirst();
  }

  /** The {@code bios} section's values: BIOS (type 0), system (1), board (2) and chassis (3). */
  static void bios(List<Structure> dmi, InventoryContent.Entry bios) {
    first(dmi, BIOS).ifPresent(b -> bios.manufacturer("bmanufacturer", b.value("Vendor"))
        .text("bversion", b.value("Version"))
        .text("bdate", Dates.biosDate(b.value("Release Date"))));
    first(dmi, SYSTEM).ifPresent(s -> bios.manufacturer("smanufacturer", s.value("Manufacturer"))
        .text("smodel", systemModel(s))
        .serial("ssn", s.value("Serial Number"))
        .text("skunumber", s.value("SKU Number")));
    first(dmi, BOARD).ifPresent(b -> bios.manufacturer("mmanufacturer", b.value("Manufacturer"))
        .text("mmodel", b.value("Product Name"))
        .serial("msn", b.value("Serial Number")));
    first(dmi, CHASSIS).ifPresent(c -> bios.text("assettag", c.value("Asset Tag"))
        .serial("enclosureserial", c.value("Serial Number")));
  }

  /**
   * The system's model: its product name, except on Lenovo machines, whose product name is a machine-type
   * code ({@code 20L5000UUS}) and whose version is the name people know ({@code ThinkPad T480}).
   */
  static String systemModel(Structure system) {
    String name = system.value("Product Name");
    String version = system.value("Version");
    if (version != null && "lenovo".equalsIgnoreCase(String.valueOf(system.value("Manufacturer")))
        && version.matches("(?i)(think|idea|yoga|legion|lenovo) ?.*")) {
      return version;
    }
    return name;
  }

  /** The {@code hardware} section's values: the system's UUID and the chassis type by name. */
  static void hardware(List<Structure> dmi, InventoryContent.Entry hardware) {
    first(dmi, SYSTEM).ifPresent(s -> hardware.serial("uuid", s.value("UUID")));
    first(dmi, CHASSIS).ifPresent(c -> hardware.text("chassis_type", c.value("Type")));
  }

  /**
   * The {@code memories} section: one entry per memory slot of the system's memory arrays, empty slots
   * included (with their place and form but no capacity), numbered from 1 as glpi-agent numbers them.
   * Nothing when DMI has no memory device (virtual machines often have one per RAM size, which counts).
   */
  static void memories(List<Structure> dmi, InventoryContent content) {
    Map<String, Structure> arrays = new LinkedHashMap<>();
    for (Structure a : all(dmi, MEMORY_ARRAY)) {
      String use = a.value("Use");
      if (use == null || use.equalsIgnoreCase("System Memory")) {
        arrays.put(a.handle(), a);
      }
    }
    int slot = 0;
    for (Structure m : all(dmi, MEMORY_DEVICE)) {
      Structure array = arrays.get(m.value("Array Handle"));
      if (!arrays.isEmpty() && array == null && m.value("Array Handle") != null) {
        continue; // a flash or video memory array's device
      }
      slot++;
      InventoryContent.Entry e = content.add("memories");
      long size = megabytes(m.value("Size"));
      e.positive("capacity", size)
          .text("caption", m.value("Locator"))
          .text("description", m.value("Form Factor"))
          .text("formfactor", m.value("Form Factor"))
          .number("numslots", slot);
      if (array != null) {
        e.text("memorycorrection", array.value("Error Correction Type"));
      }
      if (size > 0) {
        String type = m.value("Type");
        e.text("type", type)
            .manufacturer("manufacturer", filler(m.value("Manufacturer")))
            .serial("serialnumber", filler(m.value("Serial Number")))
            .text("model", filler(m.value("Part Number")));
        long speed = megahertz(m.value("Configured Memory Speed"));
        if (speed <= 0) {
          speed = megahertz(m.value("Configured Clock Speed"));
        }
        if (speed <= 0) {
          speed = megahertz(m.value("Speed"));
        }
        if (speed > 0) {
          e.text("speed", String.valueOf(speed));
        }
      }
    }
  }

  /**
   * A memory module's value, or null for what some firmwares write instead of one: zeros
   * ({@code 00000000}, {@code 0x0000}) or the field's own name and a number ({@code Manufacturer0},
   * {@code PartNum1}, {@code SerNum02}).
   */
  static String filler(String v) {
    return v == null || FILLER.matcher(v.strip()).matches() ? null : v;
  }

  /** One populated processor socket as DMI describes it. */
  record Socket(String name, String manufacturer, String id, String serial, String family, long speed,
      long externalClock, long cores, long threads) {}

  /** The populated processor sockets, in order. */
  static List<Socket> sockets(List<Structure> dmi) {
    List<Socket> out = new ArrayList<>();
    for (Structure p : all(dmi, PROCESSOR)) {
      String status = p.fields().getOrDefault("Status", "");
      if (status.toLowerCase(Locale.ROOT).contains("unpopulated")) {
        continue;
      }
      long speed = megahertz(p.value("Current Speed"));
      if (speed <= 0) {
        speed = megahertz(p.value("Max Speed"));
      }
      out.add(new Socket(p.value("Version"), p.value("Manufacturer"), p.value("ID"), p.value("Serial Number"),
          p.value("Family"), speed, megahertz(p.value("External Clock")), count(p.value("Core Count")),
          count(p.value("Thread Count"))));
    }
    return out;
  }

  private static long count(String v) {
    return v != null && v.matches("\\d{1,6}") ? Long.parseLong(v) : -1;
  }

  /** SMBIOS chassis types (DMTF DSP0134 7.4.1), by number. */
  private static final List<String> CHASSIS_TYPES =
      List.of(
          "", "Other", "Unknown", "Desktop", "Low Profile Desktop", "Pizza Box", "Mini Tower", "Tower", "Portable",
          "Laptop", "Notebook", "Hand Held", "Docking Station", "All in One", "Sub Notebook", "Space-saving",
          "Lunch Box", "Main Server Chassis", "Expansion Chassis", "SubChassis", "Bus Expansion Chassis",
          "Peripheral Chassis", "RAID Chassis", "Rack Mount Chassis", "Sealed-case PC", "Multi-system chassis",
          "Compact PCI", "Advanced TCA", "Blade", "Blade Enclosure", "Tablet", "Convertible", "Detachable",
          "IoT Gateway", "Embedded PC", "Mini PC", "Stick PC");

  /** A chassis type number (as {@code /sys/class/dmi/id/chassis_type} gives it) by its SMBIOS name. */
  static String chassisName(String number) {
    try {
      int n = Integer.parseInt(number.strip());
      return n > 0 && n < CHASSIS_TYPES.size() ? CHASSIS_TYPES.get(n) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A size such as {@code 8 GB}, {@code 16384 MB} or {@code 512 kB} in MiB; -1 when it is not one. */
  static long megabytes(String size) {
    if (size == null) {
      return -1;
    }
    Matcher m = MEGABYTES.matcher(size.strip());
    if (!m.matches() || m.group(1).length() > 12) {
      return -1;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "kB", "KB" -> n / 1024;
      case "GB" -> n * 1024;
      case "TB" -> n * 1024 * 1024;
      default -> n;
    };
  }

  /** A speed such as {@code 2666 MT/s}, {@code 3200 MHz} or {@code 2.4 GHz} in MHz; -1 when it is not one. */
  static long megahertz(String speed) {
    if (speed == null) {
      return -1;
    }
    Matcher m = MHZ.matcher(speed.strip());
    if (!m.matches() || m.group(1).length() > 9) {
      return -1;
    }
    long n = Long.parseLong(m.group(1));
    return "GHz".equals(m.group(2)) ? n * 1000 : n;
  }

}
