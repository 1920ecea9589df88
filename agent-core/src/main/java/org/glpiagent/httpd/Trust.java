package org.glpiagent.httpd;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.glpiagent.config.ConfigException;

/**
 * Which callers of the agent's port are trusted: loopback, the addresses and ranges of {@code httpd-trust},
 * and the hosts of the agent's servers (resolved again after a minute, as glpi-agent does). Thread-safe.
 */
public final class Trust {
  /** Resolves a host name; a seam so tests need no DNS. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  static final Duration RESOLVE_AGAIN = Duration.ofSeconds(60);
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

  private final List<Range> ranges;
  private final List<String> hosts;
  private final Resolver resolver;
  private final Clock clock;
  private final ConcurrentHashMap<String, Resolved> cache = new ConcurrentHashMap<>();

  private record Resolved(Set<InetAddress> addresses, Instant at) {}

  /** An address block: the first {@code bits} bits of {@code network}. */
  record Range(byte[] network, int bits) {
    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (b[full] & mask) == (network[full] & mask);
    }
  }

  private final boolean loopback;

  private Trust(List<Range> ranges, List<String> hosts, Resolver resolver, Clock clock, boolean loopback) {
    this.loopback = loopback;
    this.ranges = List.copyOf(ranges);
    this.hosts = List.copyOf(hosts);
    this.resolver = resolver;
    this.clock = clock;
  }

  /**
   * The trust of an agent.
   *
   * @param entries {@code httpd-trust}: addresses, CIDR blocks ({@code 192.0.2.0/24}, {@code 2001:db8::/32}) or host names
   * @param serverHosts the hosts of the agent's server targets
   * @throws ConfigException naming an entry that is none of those
   */
  public static Trust of(List<String> entries, List<String> serverHosts, Resolver resolver, Clock clock) throws ConfigException {
    return of(entries, serverHosts, resolver, clock, true);
  }

  /** The same, with loopback callers trusted only when the entries say so: for tests, whose callers are all local. */
  static Trust of(List<String> entries, List<String> serverHosts, Resolver resolver, Clock clock, boolean loopback)
      throws ConfigException {
    List<Range> ranges = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (String raw : entries) {
      String e = raw.strip();
      if (e.isEmpty()) {
        continue;
      }
      Range r = range(e);
      if (r != null) {
        ranges.add(r);
      } else if (HOST.matcher(e).matches() && !e.matches("[0-9.]+")) {
        hosts.add(e.toLowerCase(Locale.ROOT));
      } else {
        throw new ConfigException("httpd-trust", e, "neither an address, a CIDR block nor a host name");
      }
    }
    for (String h : serverHosts) {
      Range r = range(h);
      if (r != null) {
        ranges.add(r);
      } else {
        hosts.add(h.toLowerCase(Locale.ROOT));
      }
    }
    return new Trust(ranges, hosts, resolver, clock, loopback);
  }

  /** Parses an address or CIDR block; null when it is neither. */
  static Range range(String e) throws ConfigException {
    String s = e.startsWith("[") && e.endsWith("]") ? e.substring(1, e.length() - 1) : e;
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    if (!isLiteral(addr)) {
      return null;
    }
    if (!addr.contains(":")) {
      for (String octet : addr.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          throw new ConfigException("httpd-trust", e, "not an address");
        }
      }
    }
    byte[] b;
    try {
      b = InetAddress.getByName(addr).getAddress(); // a literal: no lookup
    } catch (UnknownHostException ex) {
      throw new ConfigException("httpd-trust", e, "not an address");
    }
    int bits = b.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException ex) {
        throw new ConfigException("httpd-trust", e, "the prefix length is not a number");
      }
      if (bits < 0 || bits > b.length * 8) {
        throw new ConfigException("httpd-trust", e, "the prefix length must be 0 to " + b.length * 8);
      }
    }
    return new Range(b, bits);
  }

  private static boolean isLiteral(String a) {
    return a.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (a.contains(":") && a.matches("[0-9A-Fa-f:.]+"));
  }

  /** Whether a caller at this address is trusted. */
  public boolean trusts(InetAddress a) {
    if (loopback && a.isLoopbackAddress()) {
      return true;
    }
    for (Range r : ranges) {
      if (r.contains(a)) {
        return true;
      }
    }
    for (String h : hosts) {
      if (addresses(h).contains(a)) {
        return true;
      }
    }
    return false;
  }

  private Set<InetAddress> addresses(String host) {
    Instant now = clock.instant();
    Resolved r = cache.get(host);
    if (r == null || !now.isBefore(r.at().plus(RESOLVE_AGAIN))) {
      Set<InetAddress> found;
      try {
        found = Set.copyOf(resolver.resolve(host));
      } catch (UnknownHostException e) {
        found = Set.of();
      }
      r = new Resolved(found, now);
      cache.put(host, r);
    }
    return r.addresses();
  }
}
