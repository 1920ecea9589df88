package org.glpiagent.tasks.inventory;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.glpiagent.inventory.InventoryContent;
import oshi.hardware.GraphicsCard;
import oshi.hardware.PowerSource;
import oshi.hardware.SoundCard;

/** {@code videos}, {@code sounds}, {@code batteries} and {@code monitors}. */
final class DeviceCollectors {
  /** Some PNP ids GLPI users see as names (the full list is the UEFI PNP registry). */
  private static final Map<String, String> PNP =
      Map.ofEntries(
          Map.entry("DEL", "Dell"), Map.entry("SAM", "Samsung"), Map.entry("GSM", "LG Electronics"),
          Map.entry("ACR", "Acer"), Map.entry("AUS", "ASUS"), Map.entry("BNQ", "BenQ"), Map.entry("HWP", "HP"),
          Map.entry("LEN", "Lenovo"), Map.entry("PHL", "Philips"), Map.entry("VSC", "ViewSonic"),
          Map.entry("AOC", "AOC"), Map.entry("NEC", "NEC"), Map.entry("EIZ", "EIZO"), Map.entry("IVM", "Iiyama"),
          Map.entry("APP", "Apple"), Map.entry("SNY", "Sony"), Map.entry("MSI", "MSI"), Map.entry("AUO", "AU Optronics"),
          Map.entry("BOE", "BOE"), Map.entry("CMN", "Chimei Innolux"), Map.entry("SHP", "Sharp"), Map.entry("LGD", "LG Display"));

  private DeviceCollectors() {}

  static Collector videos() {
    return new AccountsCollector.Named("video", (content, p) -> {
      if (p.linux() && p.exists("/sys/bus/pci/devices")) {
        linuxVideos(content, p);
        return;
      }
      for (GraphicsCard g : p.hardware().getGraphicsCards()) {
        InventoryContent.Entry e = content.add("videos").text("name", g.getName()).text("chipset", g.getDeviceId());
        if (g.getVRam() > 0) {
          e.number("memory", g.getVRam() >> 20);
        }
      }
    });
  }

  /**
   * Linux: the display controllers (PCI class 03) of sysfs, named from pci.ids, with the resolution of a
   * connected screen of their DRM card. OSHI would run {@code lspci} and {@code lshw}, which takes up to a
   * second on a desktop.
   */
  private static void linuxVideos(InventoryContent content, Platform p) {
    java.util.Map<String, String[]> cards = new java.util.LinkedHashMap<>(); // slot -> vendor, device
    for (String slot : p.list("/sys/bus/pci/devices")) {
      String dir = "/sys/bus/pci/devices/" + slot;
      if (p.file(dir + "/class").orElse("").startsWith("0x03")) {
        String vendor = BusCollectors.hex4(p.file(dir + "/vendor").orElse(""));
        String device = BusCollectors.hex4(p.file(dir + "/device").orElse(""));
        if (vendor != null && device != null) {
          cards.put(slot, new String[] {vendor, device});
        }
      }
    }
    if (cards.isEmpty()) {
      return;
    }
    java.util.Set<String> vendors = new java.util.HashSet<>();
    cards.values().forEach(c -> vendors.add(c[0]));
    PciIds ids = p.lines("/usr/share/misc/pci.ids", l -> PciIds.parse(l, vendors::contains))
        .or(() -> p.lines("/usr/share/hwdata/pci.ids", l -> PciIds.parse(l, vendors::contains))).orElse(PciIds.empty());
    cards.forEach((slot, c) -> {
      String name = ids.device(c[0], c[1]);
      String vendor = ids.vendor(c[0]);
      content.add("videos")
          .text("name", name != null ? name : c[0] + ":" + c[1])
          .text("chipset", vendor != null ? vendor : c[0])
          .text("pcislot", slot.replaceFirst("^0000:", ""))
          .text("resolution", resolution(p, slot));
    });
  }

  /** The first mode of a connected connector of the DRM card on that PCI slot ({@code 1920x1080}). */
  private static String resolution(Platform p, String slot) {
    for (String card : p.list("/sys/class/drm")) {
      if (card.matches("card\\d+") && slot.equals(p.linkName("/sys/class/drm/" + card + "/device").orElse(""))) {
        for (String connector : p.list("/sys/class/drm")) {
          String dir = "/sys/class/drm/" + connector;
          if (connector.startsWith(card + "-") && "connected".equals(p.file(dir + "/status").orElse(""))) {
            String mode = p.file(dir + "/modes").map(m -> m.lines().findFirst().orElse("")).orElse("");
            if (mode.matches("\\d+x\\d+.*")) {
              return mode.replaceAll("[^0-9x].*", "");
            }
          }
        }
      }
    }
    return null;
  }

  static Collector sounds() {
    return new AccountsCollector.Named("sound", (content, p) -> {
      if (p.linux()) {
        for (LinuxFiles.SoundCard s : LinuxFiles.soundCards(p.file("/proc/asound/cards").orElse(""))) {
          content.add("sounds").text("name", s.name()).text("description", s.driver()).text("caption", s.name());
        }
        return;
      }
      for (SoundCard s : p.hardware().getSoundCards()) {
        content.add("sounds").text("name", s.getName()).text("description", s.getCodec()).text("caption", s.getName());
      }
    });
  }

  static Collector batteries() {
    return new AccountsCollector.Named("battery", (content, p) -> {
      if (p.linux()) {
        for (String supply : p.list("/sys/class/power_supply")) {
          String dir = "/sys/class/power_supply/" + supply;
          if ("Battery".equals(p.file(dir + "/type").orElse(""))) {
            battery(content, supply, LinuxFiles.keyValues(p.file(dir + "/uevent").orElse("")));
          }
        }
        return;
      }
      for (PowerSource b : p.hardware().getPowerSources()) {
        if (b.getDesignCapacity() <= 0 && b.getSerialNumber() == null) {
          continue;
        }
        boolean mwh = b.getCapacityUnits() == PowerSource.CapacityUnits.MWH;
        InventoryContent.Entry e = content.add("batteries")
            .text("name", b.getDeviceName())
            .manufacturer("manufacturer", b.getManufacturer())
            .serial("serial", b.getSerialNumber())
            .text("chemistry", b.getChemistry());
        if (mwh) {
          e.positive("capacity", b.getDesignCapacity()).positive("real_capacity", b.getMaxCapacity());
        }
        if (b.getVoltage() > 0) {
          e.number("voltage", Math.round(b.getVoltage() * 1000));
        }
        if (b.getManufactureDate() != null) {
          e.text("date", b.getManufactureDate().toString());
        }
      }
    });
  }

  /**
   * One battery from its power supply's {@code uevent}: capacities in mWh, from energy (µWh) or from charge
   * (µAh) times the design voltage (µV); voltage in mV. A supply that names nothing is not a battery GLPI
   * can tell apart.
   */
  static void battery(InventoryContent content, String supply, java.util.Map<String, String> u) {
    String model = u.get("POWER_SUPPLY_MODEL_NAME");
    String serial = u.get("POWER_SUPPLY_SERIAL_NUMBER");
    long design = micro(u.get("POWER_SUPPLY_ENERGY_FULL_DESIGN"));
    long full = micro(u.get("POWER_SUPPLY_ENERGY_FULL"));
    long volts = micro(u.get("POWER_SUPPLY_VOLTAGE_MIN_DESIGN"));
    if (design <= 0 && volts > 0) {
      design = micro(u.get("POWER_SUPPLY_CHARGE_FULL_DESIGN")) * volts / 1_000_000;
      full = micro(u.get("POWER_SUPPLY_CHARGE_FULL")) * volts / 1_000_000;
    }
    if (model == null && serial == null && design <= 0) {
      return;
    }
    InventoryContent.Entry e = content.add("batteries")
        .text("name", model != null ? model : supply)
        .manufacturer("manufacturer", u.get("POWER_SUPPLY_MANUFACTURER"))
        .serial("serial", serial)
        .text("chemistry", u.get("POWER_SUPPLY_TECHNOLOGY"))
        .positive("capacity", design / 1000)
        .positive("real_capacity", full / 1000);
    if (volts > 0) {
      e.number("voltage", volts / 1000);
    }
  }

  private static long micro(String v) {
    return v != null && v.matches("\\d{1,15}") ? Long.parseLong(v) : -1;
  }

  static Collector monitors() {
    return new AccountsCollector.Named("monitor", (content, p) -> {
      for (String card : p.list("/sys/class/drm")) {
        if (!card.contains("-")) {
          continue;
        }
        p.bytes("/sys/class/drm/" + card + "/edid").ifPresent(raw -> {
          Edid e = Edid.parse(raw);
          if (e != null) {
            monitor(content, e, raw, card.substring(card.indexOf('-') + 1));
          }
        });
      }
      if (!p.linux() && !p.exists("/sys/class/drm")) {
        // Windows and macOS; Linux without DRM has no screen to read an EDID from (OSHI would run xrandr)
        p.hardware().getDisplays().forEach(d -> {
          Edid e = Edid.parse(d.getEdid());
          if (e != null) {
            monitor(content, e, d.getEdid(), null);
          }
        });
      }
    });
  }

  static void monitor(InventoryContent content, Edid e, byte[] raw, String port) {
    String maker = PNP.getOrDefault(e.manufacturerId(), e.manufacturerId());
    String serial = e.serialText() != null ? e.serialText() : e.serialNumber() == 0 ? null : String.valueOf(e.serialNumber());
    content.add("monitors")
        .text("manufacturer", maker)
        .text("caption", e.name())
        .text("name", e.name())
        .text("description", String.format(Locale.ROOT, "%d/%s", e.year(), e.manufacturerId() + String.format("%04X", e.productCode())))
        .serial("serial", serial)
        .serial("altserial", e.serialText() != null && e.serialNumber() != 0 ? String.valueOf(e.serialNumber()) : null)
        .text("port", port)
        .text("base64", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, 128)));
  }
}
