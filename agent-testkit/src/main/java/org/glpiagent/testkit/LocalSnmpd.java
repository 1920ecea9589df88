package org.glpiagent.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real net-snmp {@code snmpd} (Debian's package) on a free loopback port (UDP and TCP), with a v1/v2c community and
 * a v3 authPriv user, for the SNMP tests. {@code .ci/run} installs the package; {@link #available()} tells
 * whether this machine has it.
 */
public final class LocalSnmpd implements AutoCloseable {
  public static final String COMMUNITY = "public";
  public static final String V3_USER = "glpiuser";
  public static final String V3_AUTH = "authpass123";
  public static final String V3_PRIV = "privpass123";
  public static final String LOCATION = "test rack 7";
  public static final String CONTACT = "noc@example.test";
  public static final String NAME = "snmpd-under-test";
  private static final Path SNMPD = Path.of("/usr/sbin/snmpd");

  private final Process process;
  private final int port;
  private final Path dir;

  private LocalSnmpd(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Whether snmpd is installed here. */
  public static boolean available() {
    return Files.isExecutable(SNMPD);
  }

  private static LocalSnmpd shared;

  /**
   * The snmpd of this test JVM, started on first use and stopped when the JVM exits: test classes share it
   * instead of each starting one.
   */
  public static synchronized LocalSnmpd shared() throws IOException, InterruptedException {
    if (shared == null) {
      shared = start();
      LocalSnmpd s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          s.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
    return shared;
  }

  /** Starts snmpd and waits until it answers. */
  public static LocalSnmpd start() throws IOException, InterruptedException {
    int port;
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("snmpd");
    Path conf = dir.resolve("snmpd.conf");
    boolean v6 = ipv6Loopback();
    Files.writeString(conf, String.join("\n",
        "agentAddress udp:127.0.0.1:" + port + ",tcp:127.0.0.1:" + port + (v6 ? ",udp6:[::1]:" + port : ""),
        "rocommunity " + COMMUNITY + " 127.0.0.1",
        v6 ? "rocommunity6 " + COMMUNITY + " ::1" : "",
        "createUser " + V3_USER + " SHA \"" + V3_AUTH + "\" AES \"" + V3_PRIV + "\"",
        "rouser " + V3_USER + " priv",
        "sysLocation " + LOCATION,
        "sysContact " + CONTACT,
        "sysName " + NAME,
        "sysServices 72",
        "") );
    ProcessBuilder b = new ProcessBuilder(SNMPD.toString(), "-f", "-C", "-c", conf.toString(), "-Lf", dir.resolve("snmpd.log").toString(),
        "-p", dir.resolve("snmpd.pid").toString());
    b.environment().put("SNMP_PERSISTENT_DIR", dir.toString());
    b.redirectErrorStream(true).redirectOutput(dir.resolve("snmpd.out").toFile());
    LocalSnmpd d = new LocalSnmpd(b.start(), port, dir);
    d.awaitReady();
    return d;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IOException("snmpd exited: " + Files.readString(dir.resolve("snmpd.out")));
      }
      Process probe = new ProcessBuilder("snmpget", "-v2c", "-c", COMMUNITY, "-t", "0.3", "-r", "0", "127.0.0.1:" + port, "1.3.6.1.2.1.1.5.0")
          .redirectErrorStream(true).start();
      if (probe.waitFor(3, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return;
      }
      Thread.sleep(100); // another process starting: nothing to inject a clock into
    }
    throw new IOException("snmpd did not answer within 10 s on port " + port);
  }

  /** Whether this machine has an IPv6 loopback (::1) to listen on. */
  public static boolean ipv6Loopback() {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("::1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The port it listens on: UDP at 127.0.0.1 (and ::1 when {@link #ipv6Loopback()}), TCP at 127.0.0.1. */
  public int port() {
    return port;
  }

  /** What snmpd logged, for failing tests. */
  public List<String> log() throws IOException {
    Path f = dir.resolve("snmpd.log");
    return Files.exists(f) ? Files.readAllLines(f) : List.of();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
