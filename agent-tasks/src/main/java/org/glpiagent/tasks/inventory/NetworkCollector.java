package org.glpiagent.tasks.inventory;

import java.util.Locale;
import org.glpiagent.inventory.InventoryContent;
import oshi.hardware.NetworkIF;

/**
 * The {@code networks} section: every interface, one entry per address as glpi-agent writes them (an
 * interface without address still gets one entry).
 */
final class NetworkCollector implements Collector {
  @Override
  public String category() {
    return "network";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    String gateway = p.ipv4Gateway();
    java.util.Set<String> seen = new java.util.HashSet<>();
    if (p.linux()) {
      linux(content, p, gateway, seen);
    } else {
      oshi(content, p, gateway, seen);
    }
    // interfaces that are down or have no address are left out by the JDK's interface list: take them
    // from sysfs, as glpi-agent reports every interface
    for (String name : p.list("/sys/class/net")) {
      if (!seen.contains(name)) {
        String sys = "/sys/class/net/" + name;
        entry(content, p, name, p.file(sys + "/address").orElse(null),
            p.file(sys + "/operstate").map(NetworkCollector::operstate).orElse("unknown"),
            p.file(sys + "/mtu").filter(m -> m.matches("\\d+")).map(Long::parseLong).orElse(0L),
            p.file(sys + "/speed").filter(m -> m.matches("\\d+")).map(Long::parseLong).map(mb -> mb * 1_000_000).orElse(0L));
      }
    }
  }

  /**
   * Linux: the JDK's interfaces (those with an address) with their addresses and prefixes, state, speed and
   * MTU from sysfs: what OSHI reads, without loading it.
   */
  private static void linux(InventoryContent content, Platform p, String gateway, java.util.Set<String> seen) {
    java.util.List<java.net.NetworkInterface> all;
    try {
      all = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces());
    } catch (java.net.SocketException e) {
      return;
    }
    for (java.net.NetworkInterface nif : all) {
      String name = nif.getName();
      if (!seen.add(name)) {
        continue;
      }
      String sys = "/sys/class/net/" + name;
      String mac = null;
      try {
        byte[] hw = nif.getHardwareAddress();
        if (hw != null && hw.length == 6) {
          mac = String.format("%02x:%02x:%02x:%02x:%02x:%02x", hw[0], hw[1], hw[2], hw[3], hw[4], hw[5]);
        }
      } catch (java.net.SocketException e) {
        // gone meanwhile: no address
      }
      String status = p.file(sys + "/operstate").map(NetworkCollector::operstate).orElse("unknown");
      long mtu = p.file(sys + "/mtu").filter(m -> m.matches("\\d+")).map(Long::parseLong).orElse(0L);
      long speed = p.file(sys + "/speed").filter(m -> m.matches("\\d+")).map(Long::parseLong).map(mb -> mb * 1_000_000).orElse(0L);
      boolean any = false;
      java.util.List<java.net.InterfaceAddress> addresses = new java.util.ArrayList<>(nif.getInterfaceAddresses());
      addresses.sort(java.util.Comparator.comparing(a -> a.getAddress() instanceof java.net.Inet4Address ? 0 : 1));
      for (java.net.InterfaceAddress a : addresses) {
        java.net.InetAddress ip = a.getAddress();
        int prefix = a.getNetworkPrefixLength();
        if (ip instanceof java.net.Inet4Address) {
          String v4 = ip.getHostAddress();
          int pl = prefix >= 0 && prefix <= 32 ? prefix : 32;
          entry(content, p, name, mac, status, mtu, speed)
              .text("ipaddress", v4)
              .text("ipmask", Subnets.ipv4Mask(pl))
              .text("ipsubnet", Subnets.subnet(v4, pl))
              .text("ipgateway", gateway != null && Subnets.subnet(gateway, pl) != null
                  && Subnets.subnet(gateway, pl).equals(Subnets.subnet(v4, pl)) ? gateway : null);
          any = true;
        } else if (ip instanceof java.net.Inet6Address) {
          String raw = ip.getHostAddress();
          String addr = Subnets.compress(raw.contains("%") ? raw.substring(0, raw.indexOf('%')) : raw);
          int pl = prefix >= 0 && prefix <= 128 ? prefix : 128;
          entry(content, p, name, mac, status, mtu, speed)
              .text("ipaddress6", addr)
              .text("ipmask6", Subnets.ipv6Mask(pl))
              .text("ipsubnet6", Subnets.compress(String.valueOf(Subnets.subnet(addr, pl))));
          any = true;
        }
      }
      if (!any) {
        entry(content, p, name, mac, status, mtu, speed);
      }
    }
  }

  private static void oshi(InventoryContent content, Platform p, String gateway, java.util.Set<String> seen) {
    for (NetworkIF nif : p.hardware().getNetworkIFs(true)) {
      String name = nif.getName();
      seen.add(name);
      String[] v4 = nif.getIPv4addr();
      Short[] masks = nif.getSubnetMasks();
      String[] v6 = nif.getIPv6addr();
      Short[] prefixes = nif.getPrefixLengths();
      boolean any = false;
      for (int i = 0; i < v4.length; i++) {
        int prefix = i < masks.length && masks[i] != null ? masks[i] : 32;
        base(content, p, nif)
            .text("ipaddress", v4[i])
            .text("ipmask", Subnets.ipv4Mask(prefix))
            .text("ipsubnet", Subnets.subnet(v4[i], prefix))
            .text("ipgateway", gateway != null && Subnets.subnet(gateway, prefix) != null
                && Subnets.subnet(gateway, prefix).equals(Subnets.subnet(v4[i], prefix)) ? gateway : null);
        any = true;
      }
      for (int i = 0; i < v6.length; i++) {
        int prefix = i < prefixes.length && prefixes[i] != null ? prefixes[i] : 128;
        String addr = Subnets.compress(v6[i]);
        base(content, p, nif)
            .text("ipaddress6", addr)
            .text("ipmask6", Subnets.ipv6Mask(prefix))
            .text("ipsubnet6", Subnets.compress(String.valueOf(Subnets.subnet(addr, prefix))));
        any = true;
      }
      if (!any) {
        base(content, p, nif);
      }
    }
  }

  private static final java.util.regex.Pattern PCI_SLOT =
      java.util.regex.Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");

  /**
   * The DHCP server of an interface's lease: systemd-networkd's lease file for its index first, then ISC
   * dhclient's lease files (Debian's {@code /var/lib/dhcp}, Red Hat's {@code /var/lib/dhclient}), newest
   * file first.
   */
  static java.util.Optional<String> dhcpServer(Platform p, String name) {
    java.util.Optional<String> networkd = p.file("/sys/class/net/" + name + "/ifindex")
        .flatMap(i -> p.file("/run/systemd/netif/leases/" + i.strip()))
        .flatMap(NetConfig::networkdServer);
    if (networkd.isPresent()) {
      return networkd;
    }
    java.util.List<String> files = new java.util.ArrayList<>();
    for (String dir : java.util.List.of("/var/lib/dhcp", "/var/lib/dhclient")) {
      for (String f : p.list(dir)) {
        if (f.endsWith(".leases") || f.endsWith(".lease")) {
          files.add(dir + "/" + f);
        }
      }
    }
    files.sort(java.util.Comparator.comparing((String f) -> p.modified(f).orElse(java.time.Instant.EPOCH)).reversed());
    for (String f : files) {
      java.util.Optional<String> server = p.dataFile(f).flatMap(t -> NetConfig.dhclientServer(t, name));
      if (server.isPresent()) {
        return server;
      }
    }
    return java.util.Optional.empty();
  }

  /** sysfs {@code operstate} as the schema spells it. */
  static String operstate(String s) {
    return switch (s.strip()) {
      case "up" -> "up";
      case "down" -> "down";
      case "dormant" -> "dormant";
      case "notpresent" -> "notpresent";
      case "lowerlayerdown" -> "lowerlayerdown";
      case "testing" -> "testing";
      default -> "unknown";
    };
  }

  private static InventoryContent.Entry base(InventoryContent content, Platform p, NetworkIF nif) {
    return entry(content, p, nif.getName(), nif.getMacaddr(), status(nif), nif.getMTU(), nif.getSpeed());
  }

  private static InventoryContent.Entry entry(
      InventoryContent content, Platform p, String name, String macaddr, String status, long mtu, long speed) {
    String sys = "/sys/class/net/" + name;
    boolean loopback = name.equals("lo") || name.toLowerCase(Locale.ROOT).startsWith("loopback");
    String type;
    if (loopback) {
      type = "loopback";
    } else if (p.exists(sys + "/wireless") || p.exists(sys + "/phy80211")) {
      type = "wifi";
    } else if (p.exists(sys + "/bridge")) {
      type = "bridge";
    } else if (p.exists(sys + "/bonding")) {
      type = "aggregate";
    } else {
      type = "ethernet";
    }
    boolean hasDevice = p.exists(sys + "/device");
    boolean virtual = loopback || (p.exists(sys) && !hasDevice);
    InventoryContent.Entry e = content.add("networks");
    e.text("description", name)
        .text("mac", mac(macaddr))
        .raw("status", status) // "unknown" is a value here, not a placeholder
        .raw("type", type)
        .flag("virtualdev", virtual);
    if (mtu > 0) {
      e.number("mtu", mtu);
    }
    if (speed > 0 && speed < Long.MAX_VALUE) {
      e.text("speed", String.valueOf(speed / 1_000_000));
    }
    p.linkName(sys + "/device/driver").ifPresent(d -> e.text("driver", d));
    p.linkName(sys + "/device").filter(slot -> PCI_SLOT.matcher(slot).matches()).ifPresent(slot -> e.text("pcislot", slot));
    p.file(sys + "/bonding/slaves").ifPresent(slaves -> e.text("slaves", String.join(",", slaves.strip().split("\\s+"))));
    if (p.linux() && !loopback) {
      dhcpServer(p, name).ifPresent(server -> e.text("ipdhcp", server));
      if (type.equals("wifi")) {
        p.command(java.time.Duration.ofSeconds(10), "iw", "dev", name, "link").flatMap(NetConfig::iwLink)
            .ifPresent(w -> e.text("wifi_ssid", w.ssid()).text("wifi_bssid", w.bssid()));
      }
    }
    p.file(sys + "/device/vendor").ifPresent(v -> p.file(sys + "/device/device").ifPresent(
        d -> e.text("pciid", v.replace("0x", "").toUpperCase(Locale.ROOT) + ":" + d.replace("0x", "").toUpperCase(Locale.ROOT))));
    return e;
  }

  static String mac(String mac) {
    if (mac == null || mac.isBlank() || mac.equals("00:00:00:00:00:00")) {
      return null;
    }
    return mac.toLowerCase(Locale.ROOT);
  }

  static String status(NetworkIF nif) {
    NetworkIF.IfOperStatus s = nif.getIfOperStatus();
    return switch (s) {
      case UP -> "up";
      case DOWN -> "down";
      case DORMANT -> "dormant";
      case NOT_PRESENT -> "notpresent";
      case LOWER_LAYER_DOWN -> "lowerlayerdown";
      case TESTING -> "testing";
      default -> "unknown";
    };
  }
}
