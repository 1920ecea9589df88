package org.glpiagent.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Debian's {@code snmpsimd} on a free loopback UDP port, serving the device recordings its package ships
 * (a Cisco Catalyst 3750, an HP ProCurve 2810, a Linksys router, Windows XP and Solaris hosts). Each
 * recording answers v1/v2c requests whose community is its name ({@link #RECORDINGS}'s keys). {@code .ci/run}
 * installs the package; {@link #available()} tells whether this machine has it.
 */
public final class SnmpSim implements AutoCloseable {
  private static final Path SNMPSIMD = Path.of("/usr/bin/snmpsimd");
  private static final Path EXAMPLES = Path.of("/usr/share/doc/snmpsim/examples/data");

  /** Community → the recording of the package that answers it. */
  public static final Map<String, String> RECORDINGS = recordings();

  private static Map<String, String> recordings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cisco-3750", "cisco_16_switch.snmprec.gz");
    m.put("hp-2810", "hp_perf.snmprec.gz");
    m.put("linksys", "recorded/linksys-system.snmprec");
    m.put("winxp", "recorded/winxp-full-walk.snmprec.gz");
    m.put("solaris", "recorded/solaris-system.snmprec");
    return Map.copyOf(m);
  }

  private final Process process;
  private final int port;
  private final Path dir;

  private SnmpSim(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Whether snmpsim and its recordings are installed here. */
  public static boolean available() {
    return Files.isExecutable(SNMPSIMD) && Files.isDirectory(EXAMPLES);
  }

  private static SnmpSim shared;

  /** The simulator of this test JVM, started on first use and stopped when the JVM exits. */
  public static synchronized SnmpSim shared() throws IOException, InterruptedException {
    if (shared == null) {
      shared = start();
      SnmpSim s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    }
    return shared;
  }

  /** Copies the recordings to a folder of its own, starts snmpsimd on them and waits until it answers. */
  public static SnmpSim start() throws IOException, InterruptedException {
    int port;
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    // world-readable, because snmpsimd run as root drops to nobody
    Path dir = Files.createTempDirectory("snmpsim", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path data = Files.createDirectory(dir.resolve("data"));
    Path cache = Files.createDirectory(dir.resolve("cache"));
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
    for (Map.Entry<String, String> r : RECORDINGS.entrySet()) {
      Path from = EXAMPLES.resolve(r.getValue());
      try (InputStream in = r.getValue().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(from)) : Files.newInputStream(from)) {
        Files.copy(in, data.resolve(r.getKey() + ".snmprec"));
      }
      Files.setPosixFilePermissions(data.resolve(r.getKey() + ".snmprec"), PosixFilePermissions.fromString("rw-r--r--"));
    }
    // the testkit's own additions, such as a per-VLAN bridge of the Catalyst (community cisco-3750@60)
    for (String extra : List.of("cisco-3750@1.snmprec", "cisco-3750@60.snmprec")) {
      try (InputStream in = SnmpSim.class.getResourceAsStream("snmpsim/" + extra)) {
        Files.copy(in, data.resolve(extra));
      }
      Files.setPosixFilePermissions(data.resolve(extra), PosixFilePermissions.fromString("rw-r--r--"));
    }
    List<String> cmd = new java.util.ArrayList<>(List.of(SNMPSIMD.toString(), "--data-dir=" + data, "--cache-dir=" + cache,
        "--agent-udpv4-endpoint=127.0.0.1:" + port, "--logging-method=file:" + cache.resolve("snmpsimd.log")));
    if ("root".equals(System.getProperty("user.name"))) {
      cmd.addAll(List.of("--process-user=nobody", "--process-group=nogroup"));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("snmpsimd.out").toFile()).start();
    SnmpSim sim = new SnmpSim(p, port, dir);
    sim.awaitReady();
    return sim;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IOException("snmpsimd exited: " + Files.readString(dir.resolve("snmpsimd.out")));
      }
      Process probe = new ProcessBuilder("snmpget", "-v2c", "-c", "linksys", "-t", "0.5", "-r", "0", "127.0.0.1:" + port, "1.3.6.1.2.1.1.5.0")
          .redirectErrorStream(true).start();
      if (probe.waitFor(3, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return;
      }
      Thread.sleep(200); // another process starting: nothing to inject a clock into
    }
    throw new IOException("snmpsimd did not answer within 30 s on port " + port);
  }

  /** The UDP port it listens on, at 127.0.0.1. */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
