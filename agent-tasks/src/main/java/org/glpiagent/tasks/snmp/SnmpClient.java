package org.glpiagent.tasks.snmp;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.Priv3DES;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Many SNMP requests in flight over one UDP socket: each {@link #get} returns at once with a future that the
 * transport's listener thread completes, so a sweep of thousands of addresses needs neither a socket nor a
 * thread per address. Agents reached over TCP share one TCP transport, made on first use.
 */
public final class SnmpClient implements AutoCloseable {
  private final Snmp snmp;
  private final USM usm;
  private volatile org.snmp4j.transport.DefaultTcpTransportMapping tcp;
  private final java.util.concurrent.ConcurrentHashMap<InetAddress, Runnable> answerListeners =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Runs {@code listener} on the SNMP listener thread for every answer from {@code ip} until
   * {@link #stopListening}: the heartbeat of a device being read. One listener per address.
   */
  public void onAnswer(InetAddress ip, Runnable listener) {
    answerListeners.put(ip, listener);
  }

  /** Stops {@link #onAnswer} for an address. */
  public void stopListening(InetAddress ip) {
    answerListeners.remove(ip);
  }
  private final AtomicLong malformed = new AtomicLong();

  public SnmpClient() throws IOException {
    DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping();
    SecurityProtocols.getInstance().addDefaultProtocols();
    // SNMP4J's defaults leave out MD5, SHA-1 and DES; most devices in the field still use them
    SecurityProtocols.getInstance().addAuthenticationProtocol(new AuthMD5());
    SecurityProtocols.getInstance().addAuthenticationProtocol(new AuthSHA());
    SecurityProtocols.getInstance().addPrivacyProtocol(new PrivDES());
    SecurityProtocols.getInstance().addPrivacyProtocol(new PrivAES128());
    SecurityProtocols.getInstance().addAuthenticationProtocol(new AuthHMAC128SHA224());
    SecurityProtocols.getInstance().addAuthenticationProtocol(new AuthHMAC192SHA256());
    SecurityProtocols.getInstance().addAuthenticationProtocol(new AuthHMAC256SHA384());
    SecurityProtocols.getInstance().addAuthenticationProtocol(new AuthHMAC384SHA512());
    SecurityProtocols.getInstance().addPrivacyProtocol(new Priv3DES());
    SecurityProtocols.getInstance().addPrivacyProtocol(new PrivAES192());
    SecurityProtocols.getInstance().addPrivacyProtocol(new PrivAES256());
    // one USM for this client, known to the MPv3 that processes its messages
    usm = new USM(SecurityProtocols.getInstance(), new OctetString(MPv3.createLocalEngineID()), 0);
    org.snmp4j.MessageDispatcherImpl dispatcher = new org.snmp4j.MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new org.snmp4j.mp.MPv1());
    dispatcher.addMessageProcessingModel(new org.snmp4j.mp.MPv2c());
    dispatcher.addMessageProcessingModel(new MPv3(usm));
    snmp = new Snmp(dispatcher, transport);
    snmp.listen();
  }

  /** Answers that were not usable SNMP (reported, never thrown). */
  public long malformed() {
    return malformed.get();
  }

  /**
   * GETs some OIDs. The future completes with the values by OID (absent OIDs left out), or exceptionally
   * with {@link NoAnswer} after the timeout and retries.
   */
  public CompletableFuture<Map<String, String>> get(
      InetAddress ip, int port, Credential credential, List<String> oids, Duration timeout, int retries) {
    return get(ip, port, Transport.UDP, credential, oids, timeout, retries);
  }

  /** GETs some OIDs over the given transport. */
  public CompletableFuture<Map<String, String>> get(
      InetAddress ip, int port, Transport transport, Credential credential, List<String> oids, Duration timeout, int retries) {
    return send(ip, port, transport, credential, PDU.GET, oids, 0, timeout, retries).thenApply(vbs -> {
      Map<String, String> values = new LinkedHashMap<>();
      for (VariableBinding vb : vbs) {
        if (!vb.isException() && vb.getVariable() != null) {
          values.put(vb.getOid().toDottedString(), text(vb));
        }
      }
      return values;
    });
  }

  /** How many rows one GETBULK asks for: big enough that a 48-port switch's table takes a few round trips. */
  static final int MAX_REPETITIONS = 50;
  /**
   * The first GETBULK of a walk asks for fewer rows: many tables are empty or short (per-VLAN forwarding
   * tables, unused MIBs), and every row asked for past a table's end is one the agent reads and sends for
   * nothing. The next pages ask for {@link #MAX_REPETITIONS}.
   */
  static final int FIRST_REPETITIONS = 12;

  /**
   * Walks a subtree: GETBULK with {@link #FIRST_REPETITIONS}, then {@link #MAX_REPETITIONS}, on v2c and v3,
   * GETNEXT on v1. Ends at the
   * subtree's end, at {@code endOfMibView}, after {@code maxRows}, or when an agent answers an OID that does
   * not increase (a known loop of broken agents, counted in {@link #malformed()}).
   */
  public CompletableFuture<java.util.SortedMap<String, String>> walk(
      InetAddress ip, int port, Credential credential, String root, Duration timeout, int retries, int maxRows) {
    return walk(ip, port, Transport.UDP, credential, root, timeout, retries, maxRows);
  }

  /** Walks a subtree over the given transport. */
  public CompletableFuture<java.util.SortedMap<String, String>> walk(InetAddress ip, int port, Transport transport,
      Credential credential, String root, Duration timeout, int retries, int maxRows) {
    java.util.SortedMap<String, String> rows = new java.util.TreeMap<>(WalkFile.OID_ORDER);
    String prefix = (root.startsWith(".") ? root.substring(1) : root);
    return walkFrom(ip, port, transport, credential, prefix, prefix, rows, timeout, retries, maxRows);
  }

  private CompletableFuture<java.util.SortedMap<String, String>> walkFrom(InetAddress ip, int port, Transport transport, Credential c,
      String root, String from, java.util.SortedMap<String, String> rows, Duration timeout, int retries, int maxRows) {
    boolean bulk = c.version() != Credential.Version.V1;
    int repetitions = !bulk ? 0 : from.equals(root) ? FIRST_REPETITIONS : MAX_REPETITIONS;
    return send(ip, port, transport, c, bulk ? PDU.GETBULK : PDU.GETNEXT, List.of(from), repetitions, timeout, retries)
        .exceptionally(e -> {
          if (rows.isEmpty()) {
            throw e instanceof java.util.concurrent.CompletionException ce ? ce : new java.util.concurrent.CompletionException(e);
          }
          return List.of(); // an error after some rows ends the walk with what came
        })
        .thenCompose(vbs -> {
          String last = from;
          for (VariableBinding vb : vbs) {
            String oid = vb.getOid().toDottedString();
            if (vb.isException() || !oid.startsWith(root + ".")) {
              return CompletableFuture.completedFuture(rows);
            }
            if (WalkFile.compareOids(oid, last) <= 0) {
              malformed.incrementAndGet();
              return CompletableFuture.completedFuture(rows);
            }
            rows.put(oid, text(vb));
            last = oid;
            if (rows.size() >= maxRows) {
              return CompletableFuture.completedFuture(rows);
            }
          }
          return vbs.isEmpty() ? CompletableFuture.completedFuture(rows)
              : walkFrom(ip, port, transport, c, root, last, rows, timeout, retries, maxRows);
        });
  }

  /** The TCP transport, made when first needed: most sweeps never use it. */
  private void tcpReady() throws IOException {
    if (tcp == null) {
      synchronized (this) {
        if (tcp == null) {
          org.snmp4j.transport.DefaultTcpTransportMapping t = new org.snmp4j.transport.DefaultTcpTransportMapping();
          t.setConnectionTimeout(60_000); // idle connections closed after a minute
          // SNMP4J 3.13's close() holds the mapping's lock while it waits, without limit, for its server thread, and
          // that thread may itself be waiting for the lock to close the mapping: a deadlock seen about once in ten
          // closes. With a graceful time-out close() waits at most this long, then stops the thread and goes on.
          t.setGracefulShutdownTimeoutMillis(100);
          snmp.addTransportMapping(t);
          t.listen();
          tcp = t;
        }
      }
    }
  }

  private CompletableFuture<List<VariableBinding>> send(InetAddress ip, int port, Transport transport, Credential credential, int type,
      List<String> oids, int maxRepetitions, Duration timeout, int retries) {
    CompletableFuture<List<VariableBinding>> result = new CompletableFuture<>();
    try {
      Target<? extends Address> target;
      if (transport == Transport.TCP) {
        tcpReady();
        target = target(new org.snmp4j.smi.TcpAddress(ip, port), credential, timeout, retries);
      } else {
        target = target(new UdpAddress(ip, port), credential, timeout, retries);
      }
      PDU pdu = credential.version() == Credential.Version.V3 ? new ScopedPDU() : new PDU();
      pdu.setType(type);
      if (type == PDU.GETBULK) {
        pdu.setMaxRepetitions(maxRepetitions);
        pdu.setNonRepeaters(0);
      }
      oids.forEach(o -> pdu.add(new VariableBinding(new OID(o))));
      snmp.send(pdu, target, null, new ResponseListener() {
        @Override
        public <A extends Address> void onResponse(ResponseEvent<A> event) {
          ((Snmp) event.getSource()).cancel(event.getRequest(), this);
          PDU response = event.getResponse();
          if (response != null) {
            Runnable l = answerListeners.get(ip);
            if (l != null) {
              l.run();
            }
          }
          if (response == null) {
            result.completeExceptionally(new NoAnswer(ip + ": no answer"));
          } else if (response.getErrorStatus() != PDU.noError || response.getType() == PDU.REPORT) {
            result.completeExceptionally(new NoAnswer(ip + ": " + response.getErrorStatusText()));
          } else {
            result.complete(List.copyOf(response.getVariableBindings()));
          }
        }
      });
    } catch (IOException | RuntimeException e) {
      malformed.incrementAndGet();
      result.completeExceptionally(new NoAnswer(ip + ": " + e.getMessage()));
    }
    return result;
  }

  private <A extends Address> Target<A> target(A address, Credential c, Duration timeout, int retries) {
    Target<A> t;
    if (c.version() == Credential.Version.V3) {
      OctetString user = new OctetString(c.username());
      OID auth = c.authProtocol() == null ? null : authProtocol(c.authProtocol());
      OID priv = c.privProtocol() == null ? null : privProtocol(c.privProtocol());
      usm.addUser(user, new UsmUser(user, auth, auth == null ? null : new OctetString(c.authPassphrase()),
          priv, priv == null ? null : new OctetString(c.privPassphrase())));
      UserTarget<A> u = new UserTarget<>();
      u.setSecurityName(user);
      u.setSecurityLevel(priv != null ? SecurityLevel.AUTH_PRIV : auth != null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.NOAUTH_NOPRIV);
      t = u;
    } else {
      t = new CommunityTarget<>(address, new OctetString(c.community()));
    }
    t.setAddress(address);
    t.setVersion(switch (c.version()) {
      case V1 -> SnmpConstants.version1;
      case V2C -> SnmpConstants.version2c;
      case V3 -> SnmpConstants.version3;
    });
    t.setTimeout(Math.max(1, timeout.toMillis()));
    t.setRetries(retries);
    return t;
  }

  /** GLPI's names of authentication protocols ({@code MD5}, {@code SHA}, {@code SHA256}...). */
  static OID authProtocol(String name) {
    return switch (name.trim().toUpperCase(Locale.ROOT).replace("-", "")) {
      case "MD5" -> AuthMD5.ID;
      case "SHA", "SHA1" -> AuthSHA.ID;
      case "SHA224" -> AuthHMAC128SHA224.ID;
      case "SHA256" -> AuthHMAC192SHA256.ID;
      case "SHA384" -> AuthHMAC256SHA384.ID;
      case "SHA512" -> AuthHMAC384SHA512.ID;
      default -> throw new IllegalArgumentException("unknown SNMP v3 authentication protocol " + name);
    };
  }

  /** GLPI's names of privacy protocols ({@code DES}, {@code 3DES}, {@code AES}...). */
  static OID privProtocol(String name) {
    return switch (name.trim().toUpperCase(Locale.ROOT).replace("-", "")) {
      case "DES" -> PrivDES.ID;
      case "3DES", "TRIPLEDES" -> Priv3DES.ID;
      case "AES", "AES128" -> PrivAES128.ID;
      case "AES192" -> PrivAES192.ID;
      case "AES256" -> PrivAES256.ID;
      default -> throw new IllegalArgumentException("unknown SNMP v3 privacy protocol " + name);
    };
  }

  /** A value as text: printable strings as they are, other octet strings as colon-separated hex (MACs). */
  static String text(VariableBinding vb) {
    if (vb.getVariable() instanceof OctetString os) {
      return octets(os.getValue());
    }
    if (vb.getVariable() instanceof org.snmp4j.smi.TimeTicks t) {
      return Ticks.text(t.getValue());
    }
    return vb.getVariable().toString();
  }

  /**
   * An octet string as text when it is text (UTF-8 without control characters; trailing NULs, which Windows
   * agents add, dropped), else as colon-separated hex. Six bytes are text only when plain ASCII, so that a
   * MAC address that happens to decode stays hex.
   */
  static String octets(byte[] v) {
    int end = v.length;
    if (end > 6) {
      while (end > 0 && v[end - 1] == 0) {
        end--;
      }
    }
    boolean text = end > 0;
    for (int i = 0; i < end && text; i++) {
      int b = v[i] & 0xff;
      text = b >= 0x20 && b != 0x7f || b == '\t' || b == '\n' || b == '\r' ;
      if (v.length <= 6 && b >= 0x80) {
        text = false;
      }
    }
    if (text) {
      try {
        return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(v, 0, end)).toString().strip();
      } catch (java.nio.charset.CharacterCodingException e) {
        // not UTF-8: hex below
      }
    }
    if (v.length == 0) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (byte x : v) {
      b.append(b.length() == 0 ? "" : ":").append(String.format("%02x", x & 0xff));
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException {
    snmp.close();
  }

  /** No usable answer: time-out, error status or an unusable packet. */
  public static final class NoAnswer extends IOException {
    private static final long serialVersionUID = 1L;

    public NoAnswer(String message) {
      super(message);
    }
  }
}
