package org.glpiagent.tasks.netdiscovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * NetBIOS node status (RFC 1002 §4.2.17, UDP 137): the computer name, workgroup, logged-in user and MAC a
 * Windows or Samba host gives without any credential. One socket for the whole sweep; answers are matched
 * to their request by source address.
 */
final class NetBios implements AutoCloseable {
  /** What a node status answer says. */
  record Status(String name, String workgroup, String user, String mac) {}

  private final DatagramSocket socket;
  private final int port;
  private final Map<InetAddress, CompletableFuture<Optional<Status>>> waiting = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("netbios-timer").factory());

  NetBios(int port) throws IOException {
    this.port = port;
    this.socket = new DatagramSocket(new InetSocketAddress(0));
    Thread.ofPlatform().daemon().name("netbios-receiver").start(this::receive);
  }

  /** Asks one address; completes with its status, or empty after the time-out. Never exceptionally. */
  CompletableFuture<Optional<Status>> query(InetAddress ip, Duration timeout) {
    CompletableFuture<Optional<Status>> f = new CompletableFuture<>();
    waiting.put(ip, f);
    try {
      byte[] q = request(ip.hashCode() & 0xffff);
      socket.send(new DatagramPacket(q, q.length, ip, port));
    } catch (IOException | RuntimeException e) {
      waiting.remove(ip);
      f.complete(Optional.empty());
      return f;
    }
    timer.schedule(() -> {
      waiting.remove(ip, f);
      f.complete(Optional.empty());
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    return f;
  }

  private void receive() {
    byte[] buf = new byte[1500];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        CompletableFuture<Optional<Status>> f = waiting.remove(p.getAddress());
        if (f != null) {
          f.complete(parse(java.util.Arrays.copyOf(p.getData(), p.getLength())));
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** The node status request for the wildcard name {@code *}. */
  static byte[] request(int transactionId) {
    byte[] q = new byte[50];
    q[0] = (byte) (transactionId >> 8);
    q[1] = (byte) transactionId;
    q[5] = 1; // one question
    q[12] = 0x20;
    byte[] name = new byte[16];
    name[0] = '*';
    for (int i = 0; i < 16; i++) {
      q[13 + 2 * i] = (byte) ('A' + ((name[i] >> 4) & 0x0f));
      q[14 + 2 * i] = (byte) ('A' + (name[i] & 0x0f));
    }
    q[45] = 0;
    q[47] = 0x21; // NBSTAT
    q[49] = 0x01; // IN
    return q;
  }

  /** Reads a node status answer; empty when it is not one (short, wrong type, garbage). */
  static Optional<Status> parse(byte[] r) {
    try {
      int i = 12;
      if (r.length < 57) {
        return Optional.empty();
      }
      i += (r[i] & 0xc0) == 0xc0 ? 2 : (r[i] & 0xff) + 2; // the name, or a pointer to it
      if (((r[i] & 0xff) << 8 | (r[i + 1] & 0xff)) != 0x21) {
        return Optional.empty();
      }
      i += 2 + 2 + 4 + 2; // type, class, TTL, length
      int count = r[i++] & 0xff;
      String name = null;
      String workgroup = null;
      String user = null;
      for (int n = 0; n < count; n++) {
        if (i + 18 > r.length) {
          return Optional.empty();
        }
        String entry = new String(r, i, 15, StandardCharsets.US_ASCII).strip();
        int suffix = r[i + 15] & 0xff;
        boolean group = (r[i + 16] & 0x80) != 0;
        if (suffix == 0x00 && !group && name == null && !entry.startsWith("IS~")) {
          name = entry;
        } else if (suffix == 0x00 && group && workgroup == null) {
          workgroup = entry;
        } else if (suffix == 0x03 && !group && user == null && !entry.equalsIgnoreCase(name)) {
          user = entry;
        }
        i += 18;
      }
      String mac = null;
      if (i + 6 <= r.length) {
        mac = HexFormat.ofDelimiter(":").formatHex(r, i, i + 6);
        if (mac.equals("00:00:00:00:00:00")) {
          mac = null;
        }
      }
      return name == null && workgroup == null ? Optional.empty() : Optional.of(new Status(name, workgroup, user, mac));
    } catch (ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    socket.close();
    timer.shutdownNow();
    waiting.values().forEach(f -> f.complete(Optional.empty()));
  }
}
