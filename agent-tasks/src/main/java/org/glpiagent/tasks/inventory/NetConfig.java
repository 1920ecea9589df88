package org.glpiagent.tasks.inventory;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Linux keeps about an interface's configuration outside the kernel: the DHCP server that gave its
 * lease (ISC dhclient's lease files, systemd-networkd's lease files) and the Wi-Fi network it is joined to
 * ({@code iw dev IF link}).
 */
final class NetConfig {
  private static final Pattern LEASE = Pattern.compile("lease\\s*\\{(.*?)\\}", Pattern.DOTALL);
  private static final Pattern IFACE = Pattern.compile("interface\\s+\"([^\"]+)\"\\s*;");
  private static final Pattern SERVER = Pattern.compile("option\\s+dhcp-server-identifier\\s+([0-9.]+)\\s*;");
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern BSSID = Pattern.compile("(?m)^Connected to ([0-9a-fA-F:]{17})");
  private static final Pattern SSID = Pattern.compile("(?m)^\\s*SSID:\\s*(.+?)\\s*$");

  /** One Wi-Fi association: network name and access point's MAC address. */
  record Wifi(String ssid, String bssid) {}

  private NetConfig() {}

  /**
   * The DHCP server of the last lease for {@code iface} in an ISC dhclient lease file (later leases are
   * appended, so the last one is the current one); empty when there is none.
   */
  static Optional<String> dhclientServer(String leases, String iface) {
    String found = null;
    Matcher m = LEASE.matcher(leases);
    while (m.find()) {
      String body = m.group(1);
      Matcher i = IFACE.matcher(body);
      Matcher s = SERVER.matcher(body);
      if (i.find() && i.group(1).equals(iface) && s.find() && ipv4(s.group(1))) {
        found = s.group(1);
      }
    }
    return Optional.ofNullable(found);
  }

  /** The {@code SERVER_ADDRESS} of a systemd-networkd lease file ({@code /run/systemd/netif/leases/IFINDEX}). */
  static Optional<String> networkdServer(String lease) {
    for (String line : lease.split("\n")) {
      if (line.startsWith("SERVER_ADDRESS=")) {
        String v = line.substring("SERVER_ADDRESS=".length()).strip();
        return ipv4(v) ? Optional.of(v) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The network and access point of {@code iw dev IF link}'s output; empty when not connected. */
  static Optional<Wifi> iwLink(String output) {
    Matcher b = BSSID.matcher(output);
    if (!b.find()) {
      return Optional.empty();
    }
    Matcher s = SSID.matcher(output);
    return Optional.of(new Wifi(s.find() ? s.group(1) : null, b.group(1).toLowerCase(java.util.Locale.ROOT)));
  }

  private static boolean ipv4(String v) {
    Matcher m = IPV4.matcher(v);
    if (!m.matches()) {
      return false;
    }
    for (int g = 1; g <= 4; g++) {
      if (Integer.parseInt(m.group(g)) > 255) {
        return false;
      }
    }
    return true;
  }
}
