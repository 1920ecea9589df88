package org.glpiagent.tasks.snmp;

import java.util.Locale;

/** What SNMP messages travel over: UDP (the usual) or TCP (RFC 3430, for agents configured so). */
public enum Transport {
  UDP,
  TCP;

  /**
   * GLPI's and glpi-agent's spellings: {@code udp}, {@code tcp}, {@code udp/ipv4}, {@code tcp/ipv6}...; empty
   * means UDP. Anything else is refused with a message that names it.
   */
  public static Transport of(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (n.isEmpty() || n.equals("udp") || n.startsWith("udp/")) {
      return UDP;
    }
    if (n.equals("tcp") || n.startsWith("tcp/")) {
      return TCP;
    }
    throw new IllegalArgumentException("unknown SNMP transport \"" + name + "\" (udp or tcp)");
  }
}
