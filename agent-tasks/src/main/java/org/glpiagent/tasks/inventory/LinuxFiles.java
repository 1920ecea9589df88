package org.glpiagent.tasks.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Linux's small system files read as the inventory needs them, so that a Linux inventory does not load
 * OSHI and JNA at all (about 5 MiB and 50 ms of a one-shot run): {@code /proc/meminfo}, {@code /proc/mounts},
 * {@code /etc/resolv.conf}, {@code /proc/asound/cards}, a power supply's {@code uevent}, a udev database
 * entry.
 */
final class LinuxFiles {
  /** One mounted file system: its device, where it is mounted, its type. */
  record Mount(String device, String mountPoint, String type) {}

  /** One sound card: its driver's short name and its long name. */
  record SoundCard(String driver, String name) {}

  private LinuxFiles() {}

  /** A {@code /proc/meminfo} value in KiB ({@code MemTotal}, {@code SwapTotal}); -1 when absent. */
  static long meminfoKib(String meminfo, String key) {
    for (String line : meminfo.split("\n")) {
      if (line.startsWith(key + ":")) {
        String[] f = line.substring(key.length() + 1).strip().split("\\s+");
        return f.length > 0 && f[0].matches("\\d{1,15}") ? Long.parseLong(f[0]) : -1;
      }
    }
    return -1;
  }

  /** The {@code nameserver} addresses of a {@code resolv.conf}, in order. */
  static List<String> nameservers(String resolvConf) {
    List<String> out = new ArrayList<>();
    for (String line : resolvConf.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 2 && f[0].equals("nameserver") && f[1].matches("[0-9a-fA-F.:%\\w]+")) {
        out.add(f[1]);
      }
    }
    return out;
  }

  /** The {@code search} or {@code domain} of a {@code resolv.conf}: the first domain named, or null. */
  static String searchDomain(String resolvConf) {
    for (String line : resolvConf.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 2 && (f[0].equals("domain") || f[0].equals("search")) && !f[1].equals(".")) {
        return f[1];
      }
    }
    return null;
  }

  /** The mounts of {@code /proc/mounts} (or {@code /proc/self/mountinfo}'s simpler sibling), in order. */
  static List<Mount> mounts(String procMounts) {
    List<Mount> out = new ArrayList<>();
    for (String line : procMounts.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 3 && f[1].startsWith("/")) {
        out.add(new Mount(unescape(f[0]), unescape(f[1]), f[2]));
      }
    }
    return out;
  }

  /** The kernel writes spaces, tabs, newlines and backslashes in mount fields as octal escapes ({@code \040}). */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-3][0-7]{2}")) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The cards of {@code /proc/asound/cards}: {@code " 0 [PCH            ]: HDA-Intel - HDA Intel PCH"}. */
  static List<SoundCard> soundCards(String cards) {
    List<SoundCard> out = new ArrayList<>();
    for (String line : cards.split("\n")) {
      String l = line.strip();
      int colon = l.indexOf("]: ");
      if (l.isEmpty() || !Character.isDigit(l.charAt(0)) || colon < 0) {
        continue;
      }
      String rest = l.substring(colon + 3);
      int dash = rest.indexOf(" - ");
      out.add(dash < 0 ? new SoundCard(null, rest.strip()) : new SoundCard(rest.substring(0, dash).strip(), rest.substring(dash + 3).strip()));
    }
    return out;
  }

  /** {@code KEY=value} lines, such as a power supply's {@code uevent} ({@code POWER_SUPPLY_MODEL_NAME=...}). */
  static Map<String, String> keyValues(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return out;
  }

  /** The {@code E:} properties of a udev database entry ({@code /run/udev/data/b8:0}): {@code ID_SERIAL_SHORT}... */
  static Map<String, String> udevProperties(String entry) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : entry.split("\n")) {
      if (line.startsWith("E:")) {
        int eq = line.indexOf('=');
        if (eq > 2) {
          out.putIfAbsent(line.substring(2, eq), line.substring(eq + 1));
        }
      }
    }
    return out;
  }
}
