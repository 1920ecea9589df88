package org.glpiagent.tasks.netdiscovery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;

/**
 * Probes one address: each port and credential in turn until one gets an SNMP answer, then the identifying
 * OIDs; without SNMP, the MAC the system's ARP cache knows for that address. The result is the
 * {@code <DEVICE>} GLPI records, or nothing.
 */
final class Scanner {
  static final String SYS_DESCR = org.glpiagent.tasks.snmp.Mib2.SYS_DESCR;
  static final String SYS_OBJECT_ID = org.glpiagent.tasks.snmp.Mib2.SYS_OBJECT_ID;
  static final String SYS_UPTIME = org.glpiagent.tasks.snmp.Mib2.SYS_UPTIME;
  static final String SYS_CONTACT = org.glpiagent.tasks.snmp.Mib2.SYS_CONTACT;
  static final String SYS_NAME = org.glpiagent.tasks.snmp.Mib2.SYS_NAME;
  static final String SYS_LOCATION = org.glpiagent.tasks.snmp.Mib2.SYS_LOCATION;
  static final List<String> SYSTEM = org.glpiagent.tasks.snmp.Mib2.SYSTEM;
  static final String BRIDGE_ADDRESS = org.glpiagent.tasks.snmp.Mib2.BRIDGE_ADDRESS;
  static final String PRINTER_SERIAL = "1.3.6.1.2.1.43.5.1.1.17.1";
  static final String ENT_SERIAL = "1.3.6.1.2.1.47.1.1.1.1.11.1";
  static final String ENT_MODEL = "1.3.6.1.2.1.47.1.1.1.1.13.1";
  static final String ENT_SOFTWARE = "1.3.6.1.2.1.47.1.1.1.1.10.1";
  static final String HR_DEVICE_DESCR = "1.3.6.1.2.1.25.3.2.1.3.1";
  static final List<String> OPTIONAL = List.of(BRIDGE_ADDRESS, PRINTER_SERIAL, ENT_SERIAL, ENT_MODEL, ENT_SOFTWARE, HR_DEVICE_DESCR);
  /** IP-MIB's ipAdEntAddr column: the device's own IPv4 addresses. */
  static final String IP_ADDRESSES = "1.3.6.1.2.1.4.20.1.1";
  /** How many of a device's addresses are read; a router with more is rare. */
  static final int IP_ROWS = 256;

  /** ENTITY-MIB's entPhysicalClass column: 3 is a chassis. */
  static final String ENT_CLASS = "1.3.6.1.2.1.47.1.1.1.1.5";
  private static final String ENT_COLUMNS = "1.3.6.1.2.1.47.1.1.1.1.";
  /** How many entities are looked through for the chassis; big modular switches list it early. */
  static final int ENTITY_ROWS = 500;

  /**
   * The index of the first chassis in {@code entPhysicalClass} rows: where the serial number and model of a
   * device are, which is not always index 1 (a Catalyst 3750 stack lists the stack at 1, its switches from
   * 1001 or 3001).
   */
  static Optional<String> chassisIndex(Map<String, String> classes) {
    for (Map.Entry<String, String> e : classes.entrySet()) {
      if ("3".equals(e.getValue().strip()) && e.getKey().startsWith(ENT_CLASS + ".")) {
        return Optional.of(e.getKey().substring(ENT_CLASS.length() + 1));
      }
    }
    return Optional.empty();
  }

  /** The serial, model and software OIDs of one entity. */
  static List<String> entityOids(String index) {
    return List.of(ENT_COLUMNS + "11." + index, ENT_COLUMNS + "13." + index, ENT_COLUMNS + "10." + index);
  }

  /**
   * The chassis' serial, model and software under the index-1 names {@link #device} reads, over those of
   * index 1 where the chassis has them.
   */
  static Map<String, String> withChassis(Map<String, String> more, String index, Map<String, String> chassis) {
    Map<String, String> out = new HashMap<>(more);
    List<String> from = entityOids(index);
    List<String> to = List.of(ENT_SERIAL, ENT_MODEL, ENT_SOFTWARE);
    for (int i = 0; i < from.size(); i++) {
      String v = chassis.get(from.get(i));
      if (v != null && !v.isBlank()) {
        out.put(to.get(i), v);
      }
    }
    return out;
  }

  private final SnmpClient snmp;
  private final Duration timeout;
  private final int retries;
  private final Function<InetAddress, Optional<String>> arp;
  private final NetBios netbios;
  private final Function<InetAddress, CompletableFuture<Optional<String>>> names;
  private final Function<InetAddress, CompletableFuture<Boolean>> alive;

  /**
   * @param netbios the NetBIOS prober of the sweep, or null to skip NetBIOS
   * @param names reverse DNS, asked only for addresses where something answered
   * @param alive whether a host is up (ICMP or TCP), sent with the first SNMP request
   */
  Scanner(SnmpClient snmp, Duration timeout, int retries, Function<InetAddress, Optional<String>> arp, NetBios netbios,
      Function<InetAddress, CompletableFuture<Optional<String>>> names, Function<InetAddress, CompletableFuture<Boolean>> alive) {
    this.snmp = snmp;
    this.timeout = timeout;
    this.retries = retries;
    this.arp = arp;
    this.netbios = netbios;
    this.names = names;
    this.alive = alive;
  }

  /**
   * Resolver threads: the system resolver blocks in native code, which would pin a virtual thread's carrier
   * and make the JVM add carriers (a sweep of a network without a reachable DNS server grew by 60 MiB that
   * way). Sixteen platform threads, gone after 30 idle seconds.
   */
  private static final java.util.concurrent.ThreadPoolExecutor RESOLVERS = resolvers();

  private static java.util.concurrent.ThreadPoolExecutor resolvers() {
    java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(16, 16, 30, java.util.concurrent.TimeUnit.SECONDS,
        new java.util.concurrent.LinkedBlockingQueue<>(), Thread.ofPlatform().name("netdiscovery-dns-", 0).daemon().factory());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * The system resolver's name for an address (PTR, {@code /etc/hosts}), on the resolver threads. Empty when
   * the resolver only gives the address back or takes longer than {@code timeout}; a lookup still queued
   * when its time is up is not made at all.
   */
  static Function<InetAddress, CompletableFuture<Optional<String>>> reverseDns(Duration timeout) {
    return ip -> {
      CompletableFuture<Optional<String>> f = new CompletableFuture<>();
      f.completeOnTimeout(Optional.empty(), timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      RESOLVERS.execute(() -> {
        if (f.isDone()) {
          return;
        }
        try {
          String name = InetAddress.getByAddress(ip.getAddress()).getCanonicalHostName();
          f.complete(name.equals(ip.getHostAddress()) || name.isBlank() ? Optional.empty() : Optional.of(name));
        } catch (java.io.IOException | RuntimeException e) {
          f.complete(Optional.empty());
        }
      });
      return f;
    };
  }

  /**
   * The device with its {@code DNSHOSTNAME}: the resolver's name, or the address when it has none, as the
   * Perl agents do. Asked after the probes, so that a slow resolver does not hold a worker.
   */
  CompletableFuture<Optional<ObjectNode>> named(InetAddress ip, Optional<ObjectNode> device) {
    if (device.isEmpty()) {
      return CompletableFuture.completedFuture(device);
    }
    return names.apply(ip).exceptionally(e -> Optional.empty()).thenApply(name -> {
      device.get().put("DNSHOSTNAME", name.orElse(address(ip)));
      return device;
    });
  }

  /** Answers that were not usable SNMP, so far. */
  long malformedAnswers() {
    return snmp.malformed();
  }

  /** The device at that address, if anything answered. Never completes exceptionally. */
  CompletableFuture<Optional<ObjectNode>> scan(InetAddress ip, DiscoveryJob.Range range, List<Credential> credentials) {
    List<Attempt> attempts = new ArrayList<>();
    for (int port : range.ports()) {
      for (Credential c : credentials) {
        attempts.add(new Attempt(port, range.transport(), c));
      }
    }
    // NetBIOS goes out with the first SNMP request: a silent host costs one time-out, not two
    CompletableFuture<Optional<NetBios.Status>> nb =
        netbios == null ? CompletableFuture.completedFuture(Optional.empty()) : netbios.query(ip, timeout);
    CompletableFuture<Boolean> up = alive.apply(ip).exceptionally(e -> false);
    // once SNMP has answered, NetBIOS gets a short grace only: a host that answers it has done so by then
    return tryFrom(ip, attempts, 0).thenCompose(found -> (found.isPresent()
        ? nb.completeOnTimeout(Optional.empty(), NETBIOS_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        : nb).thenCompose(status -> found.isPresent() || status.isPresent()
            ? CompletableFuture.completedFuture(merge(ip, range, found, status, false))
            // the echo went out with the first SNMP request: it has had the same time
            : up.completeOnTimeout(false, NETBIOS_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenApply(isUp -> merge(ip, range, found, status, isUp))))
        .exceptionally(e -> Optional.empty());
  }

  /** How long NetBIOS may still take after SNMP answered. */
  static final Duration NETBIOS_GRACE = Duration.ofMillis(250);

  /** What SNMP, NetBIOS, the alive probe and the ARP cache said of one address, as one DEVICE (SNMP values win). */
  private Optional<ObjectNode> merge(
      InetAddress ip, DiscoveryJob.Range range, Optional<ObjectNode> found, Optional<NetBios.Status> status, boolean up) {
    Optional<String> mac = status.map(NetBios.Status::mac).or(() -> arp.apply(ip));
    if (found.isEmpty() && mac.isEmpty() && status.isEmpty() && !up) {
      return Optional.empty();
    }
    ObjectNode device = found.orElseGet(JsonNodeFactory.instance::objectNode);
    status.ifPresent(st -> {
      put(device, "NETBIOSNAME", st.name());
      put(device, "WORKGROUP", st.workgroup());
      put(device, "USERSESSION", st.user());
    });
    if (!device.has("MAC")) {
      mac.ifPresent(m -> device.put("MAC", m));
    }
    device.put("IP", address(ip));
    device.put("ENTITY", range.entity());
    return Optional.of(device);
  }

  /** An address as people write it: IPv6 in its short form ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}). */
  static String address(InetAddress ip) {
    String s = ip.getHostAddress().replaceFirst("%.*$", "");
    return ip instanceof java.net.Inet6Address ? org.glpiagent.tasks.inventory.Subnets.compress(s) : s;
  }

  private record Attempt(int port, org.glpiagent.tasks.snmp.Transport transport, Credential credential) {}

  private CompletableFuture<Optional<ObjectNode>> tryFrom(InetAddress ip, List<Attempt> attempts, int i) {
    if (i >= attempts.size()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    Attempt a = attempts.get(i);
    return snmp.get(ip, a.port(), a.transport(), a.credential(), SYSTEM, timeout, retries)
        .thenCompose(system -> details(ip, a, system).thenApply(Optional::of))
        .exceptionallyCompose(e -> tryFrom(ip, attempts, i + 1));
  }

  private CompletableFuture<ObjectNode> details(InetAddress ip, Attempt a, Map<String, String> system) {
    CompletableFuture<Map<String, String>> extra;
    if (a.credential().version() == Credential.Version.V1) {
      // SNMPv1 fails a whole GET when one OID is missing: ask for each one alone
      List<CompletableFuture<Map<String, String>>> each = new ArrayList<>();
      for (String oid : OPTIONAL) {
        each.add(snmp.get(ip, a.port(), a.transport(), a.credential(), List.of(oid), timeout, retries).exceptionally(e -> Map.of()));
      }
      extra = CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(v -> {
        Map<String, String> all = new HashMap<>();
        each.forEach(f -> all.putAll(f.join()));
        return all;
      });
    } else {
      extra = snmp.get(ip, a.port(), a.transport(), a.credential(), OPTIONAL, timeout, retries).exceptionally(e -> Map.of());
    }
    CompletableFuture<Map<String, String>> chassis =
        snmp.walk(ip, a.port(), a.transport(), a.credential(), ENT_CLASS, timeout, retries, ENTITY_ROWS)
            .thenCompose(classes -> chassisIndex(classes)
                .map(index -> snmp.get(ip, a.port(), a.transport(), a.credential(), entityOids(index), timeout, retries)
                    .thenApply(values -> withChassis(Map.of(), index, values)))
                .orElse(CompletableFuture.completedFuture(Map.of())))
            .exceptionally(e -> Map.of());
    CompletableFuture<java.util.SortedMap<String, String>> addresses =
        snmp.walk(ip, a.port(), a.transport(), a.credential(), IP_ADDRESSES, timeout, retries, IP_ROWS)
            .exceptionally(e -> new java.util.TreeMap<>());
    return extra.thenCombine(chassis, (more, ch) -> {
      Map<String, String> all = new HashMap<>(more);
      ch.forEach((k, v) -> all.put(k, v));
      return device(system, all, a);
    }).thenCombine(addresses, (device, ips) -> withAddresses(device, ips.values()));
  }

  /** The DEVICE element from what answered. */
  static ObjectNode device(Map<String, String> system, Map<String, String> more, Attempt a) {
    ObjectNode d = device(system, more, a.credential().id(), a.port());
    if (a.transport() == org.glpiagent.tasks.snmp.Transport.TCP) {
      d.put("AUTHPROTOCOL", "tcp");
    }
    return d;
  }

  static ObjectNode device(Map<String, String> system, Map<String, String> more, String credentialId, int port) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    String objectId = system.get(SYS_OBJECT_ID);
    String descr = system.get(SYS_DESCR);
    put(d, "DESCRIPTION", descr);
    put(d, "SNMPHOSTNAME", system.get(SYS_NAME));
    put(d, "LOCATION", system.get(SYS_LOCATION));
    put(d, "CONTACT", system.get(SYS_CONTACT));
    put(d, "UPTIME", system.get(SYS_UPTIME));
    d.put("AUTHSNMP", credentialId);
    if (port != 161) {
      d.put("AUTHPORT", String.valueOf(port));
    }
    boolean printer = more.containsKey(PRINTER_SERIAL);
    boolean bridge = more.containsKey(BRIDGE_ADDRESS);
    d.put("TYPE", Identification.type(objectId, descr, printer, bridge));
    Identification.manufacturer(objectId).ifPresent(m -> d.put("MANUFACTURER", m));
    put(d, "MODEL", first(first(more.get(ENT_MODEL), printer ? more.get(HR_DEVICE_DESCR) : null),
        Identification.modelFromDescription(descr).orElse(null)));
    put(d, "SERIAL", first(more.get(PRINTER_SERIAL), more.get(ENT_SERIAL)));
    put(d, "FIRMWARE", more.get(ENT_SOFTWARE));
    String mac = more.get(BRIDGE_ADDRESS);
    if (mac != null && mac.matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}") && !mac.equals("00:00:00:00:00:00")) {
      d.put("MAC", mac.toLowerCase());
    }
    return d;
  }

  /** {@code IPS}: the device's own addresses, in the order of its table, each once. */
  static ObjectNode withAddresses(ObjectNode device, java.util.Collection<String> ips) {
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    for (String v : ips) {
      if (v != null && v.strip().matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        seen.add(v.strip());
      }
    }
    if (!seen.isEmpty()) {
      com.fasterxml.jackson.databind.node.ArrayNode list = device.putObject("IPS").putArray("IP");
      seen.forEach(list::add);
    }
    return device;
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

  private static void put(ObjectNode d, String key, String value) {
    if (value != null && !value.isBlank()) {
      d.put(key, value.strip());
    }
  }
}
