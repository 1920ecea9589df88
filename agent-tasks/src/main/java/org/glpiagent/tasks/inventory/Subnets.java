package org.glpiagent.tasks.inventory;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Masks and subnets from an address and its prefix length, as GLPI's {@code networks} section wants them. */
public final class Subnets {
  private Subnets() {}

  /** {@code 24} → {@code 255.255.255.0}. */
  static String ipv4Mask(int prefix) {
    long mask = prefix <= 0 ? 0 : (0xFFFFFFFFL << (32 - Math.min(prefix, 32))) & 0xFFFFFFFFL;
    return ((mask >> 24) & 255) + "." + ((mask >> 16) & 255) + "." + ((mask >> 8) & 255) + "." + (mask & 255);
  }

  /** The network of an address, such as {@code 192.0.2.0} for {@code 192.0.2.7/24}; null if not an address. */
  static String subnet(String address, int prefix) {
    try {
      byte[] b = InetAddress.getByName(address.replaceFirst("%.*$", "")).getAddress();
      int bits = b.length * 8;
      for (int i = 0; i < b.length; i++) {
        int keep = Math.max(0, Math.min(8, prefix - i * 8));
        b[i] = (byte) (b[i] & (0xFF << (8 - keep)));
      }
      return prefix > bits ? null : InetAddress.getByAddress(b).getHostAddress().replaceFirst("%.*$", "");
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** {@code 64} → {@code ffff:ffff:ffff:ffff::}. */
  static String ipv6Mask(int prefix) {
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      b[i] = (byte) (0xFF << (8 - keep));
    }
    try {
      return compress(InetAddress.getByAddress(b).getHostAddress());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An IPv6 address in its short form ({@code ::1}), as Linux tools write it. */
  public static String compress(String v6) {
    String s = v6.replaceFirst("%.*$", "");
    String best = null;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(^|:)(0(:0)+)(:|$)").matcher(s);
    int bestLen = 0;
    while (m.find()) {
      if (m.group(2).length() > bestLen) {
        bestLen = m.group(2).length();
        best = m.group(0);
      }
    }
    return best == null ? s : s.replaceFirst(java.util.regex.Pattern.quote(best), "::");
  }

  /**
   * The default IPv4 gateway in Linux's {@code /proc/net/route} table: the route to 0.0.0.0/0 through a
   * gateway with the lowest metric. Addresses are little-endian hex there ({@code 0101A8C0} is 192.168.1.1).
   * Null when there is none.
   */
  static String defaultGateway(String procNetRoute) {
    String best = null;
    long bestMetric = Long.MAX_VALUE;
    for (String line : procNetRoute.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length < 8 || !"00000000".equals(f[1]) || !"00000000".equals(f[7])) {
        continue;
      }
      try {
        long gw = Long.parseLong(f[2], 16);
        int flags = Integer.parseInt(f[3], 16);
        long metric = Long.parseLong(f[6]);
        if ((flags & 0x3) != 0x3 || gw == 0 || f[2].length() != 8 || metric >= bestMetric) {
          continue; // not up, not through a gateway, or a worse route
        }
        best = (gw & 0xff) + "." + (gw >> 8 & 0xff) + "." + (gw >> 16 & 0xff) + "." + (gw >> 24 & 0xff);
        bestMetric = metric;
      } catch (NumberFormatException e) {
        // a line that is not a route
      }
    }
    return best;
  }
}
