package org.glpiagent.tasks.netinventory;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.glpiagent.tasks.snmp.Transport;
import org.glpiagent.tasks.snmp.WalkFile;

/**
 * A device on the network. Its tables are walked all at once ({@link #walkAll}), each with GETBULK, so a
 * switch costs a few round trips per table instead of one per value; requests sent are counted.
 */
final class LiveSource implements MibSource {
  /** More rows than this in one table are not read (a core switch's MAC table can be larger; GLPI copes). */
  static final int MAX_ROWS = 100_000;
  /**
   * Walks in flight at once on one device: enough to fill the round trips, few enough for a switch's small
   * CPU (measured: 45 walks at once on each of 10 simulated switches lost answers; 8 did not).
   */
  static final int IN_FLIGHT = 8;

  private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);

  private final SnmpClient snmp;
  private final InetAddress ip;
  private final int port;
  private final Transport transport;
  private final Credential credential;
  private final Duration timeout;
  private final int retries;
  private final AtomicLong requests = new AtomicLong();

  LiveSource(SnmpClient snmp, InetAddress ip, int port, Transport transport, Credential credential, Duration timeout, int retries) {
    this.snmp = snmp;
    this.ip = ip;
    this.port = port;
    this.transport = transport;
    this.credential = credential;
    this.timeout = timeout;
    this.retries = retries;
  }

  @Override
  public Map<String, String> get(List<String> oids) throws IOException, InterruptedException {
    if (credential.version() == Credential.Version.V1) {
      // v1 fails a whole GET for one missing OID: one at a time
      Map<String, String> out = new LinkedHashMap<>();
      List<CompletableFuture<Map<String, String>>> each = new ArrayList<>();
      for (String oid : oids) {
        requests.incrementAndGet();
        each.add(snmp.get(ip, port, transport, credential, List.of(oid), timeout, retries).exceptionally(e -> Map.of()));
      }
      for (CompletableFuture<Map<String, String>> f : each) {
        out.putAll(join(f));
      }
      return out;
    }
    requests.incrementAndGet();
    return join(snmp.get(ip, port, transport, credential, oids, timeout, retries));
  }

  @Override
  public SortedMap<String, String> walk(String root) throws IOException, InterruptedException {
    return walkAll(List.of(root)).get(root);
  }

  private Map<String, SortedMap<String, String>> walkAll(Credential c, List<String> roots) throws IOException, InterruptedException {
    Map<String, CompletableFuture<SortedMap<String, String>>> running = new LinkedHashMap<>();
    for (String r : roots) {
      running.put(r, limitedWalk(c, r));
    }
    Map<String, SortedMap<String, String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<SortedMap<String, String>>> e : running.entrySet()) {
      out.put(e.getKey(), join(e.getValue()));
    }
    return out;
  }

  @Override
  public Map<String, SortedMap<String, String>> walkAll(List<String> roots) throws IOException, InterruptedException {
    return walkAll(credential, roots);
  }

  @Override
  public Map<String, Map<String, SortedMap<String, String>>> walkInVlans(List<String> vlans, List<String> roots)
      throws IOException, InterruptedException {
    if (credential.version() == Credential.Version.V3 || credential.community() == null || vlans.isEmpty()) {
      return Map.of();
    }
    // one question first: an agent without per-VLAN communities would let every walk time out
    Credential probe = Credential.community(credential.id(), credential.version(), credential.community() + "@" + vlans.get(0));
    requests.incrementAndGet();
    try {
      join(snmp.get(ip, port, transport, probe, List.of("1.3.6.1.2.1.1.3.0"), timeout, retries));
    } catch (IOException e) {
      return Map.of();
    }
    Map<String, Map<String, CompletableFuture<SortedMap<String, String>>>> running = new LinkedHashMap<>();
    for (String vlan : vlans) {
      Credential c = Credential.community(credential.id(), credential.version(), credential.community() + "@" + vlan);
      Map<String, CompletableFuture<SortedMap<String, String>>> each = new LinkedHashMap<>();
      for (String r : roots) {
        each.put(r, limitedWalk(c, r));
      }
      running.put(vlan, each);
    }
    Map<String, Map<String, SortedMap<String, String>>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, CompletableFuture<SortedMap<String, String>>>> v : running.entrySet()) {
      Map<String, SortedMap<String, String>> tables = new LinkedHashMap<>();
      for (Map.Entry<String, CompletableFuture<SortedMap<String, String>>> e : v.getValue().entrySet()) {
        tables.put(e.getKey(), join(e.getValue()));
      }
      out.put(v.getKey(), tables);
    }
    return out;
  }

  /** Starts a walk when fewer than {@link #IN_FLIGHT} are running on this device; waits otherwise. */
  private CompletableFuture<SortedMap<String, String>> limitedWalk(Credential c, String root) throws InterruptedException {
    inFlight.acquire();
    requests.incrementAndGet();
    return snmp.walk(ip, port, transport, c, root, timeout, retries, MAX_ROWS)
        .exceptionally(e -> new TreeMap<>(WalkFile.OID_ORDER))
        .whenComplete((v, e) -> inFlight.release());
  }

  /** Walks started (each of a few GETBULKs) and GETs sent so far. */
  long requests() {
    return requests.get();
  }

  private static <T> T join(CompletableFuture<T> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }
}
