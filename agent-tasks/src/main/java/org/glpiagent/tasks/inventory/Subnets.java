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
}
