package org.glpiagent.tasks.netdiscovery;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The MAC addresses the system already knows ({@code /proc/net/arp}, readable by any user): a device that
 * answers no SNMP but talked to this host on the same link is still found. Nothing is sent for it.
 */
final class ArpCache {
  private ArpCache() {}

  /** Reads the cache each time: entries appear while the sweep's own packets go out. */
  static Optional<String> lookup(InetAddress ip) {
    try {
      return Optional.ofNullable(parse(Files.readString(Path.of("/proc/net/arp"))).get(ip.getHostAddress()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code IP address  HW type  Flags  HW address  Mask  Device}: complete entries (flag 0x2) only. */
  static Map<String, String> parse(String text) {
    Map<String, String> out = new HashMap<>();
    String[] lines = text.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].trim().split("\\s+");
      if (f.length >= 4 && f[2].equals("0x2") && !f[3].equals("00:00:00:00:00:00")) {
        out.put(f[0], f[3].toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
