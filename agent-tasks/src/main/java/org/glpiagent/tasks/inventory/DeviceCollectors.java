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
      for (GraphicsCard g : p.hardware().getGraphicsCards()) {
        InventoryContent.Entry e = content.add("videos").text("name", g.getName()).text("chipset", g.getDeviceId());
        if (g.getVRam() > 0) {
          e.number("memory", g.getVRam() >> 20);
        }
      }
    });
  }

  static Collector sounds() {
    return new AccountsCollector.Named("sound", (content, p) -> {
      for (SoundCard s : p.hardware().getSoundCards()) {
        content.add("sounds").text("name", s.getName()).text("description", s.getCodec()).text("caption", s.getName());
      }
    });
  }

  static Collector batteries() {
    return new AccountsCollector.Named("battery", (content, p) -> {
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
      if (!p.exists("/sys/class/drm")) {
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
