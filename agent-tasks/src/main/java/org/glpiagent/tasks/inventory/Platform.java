package org.glpiagent.tasks.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/** What collectors read the machine through: OSHI, the clock, small system files and commands. */
final class Platform {
  /** How commands run: as processes, or from recorded outputs in tests. */
  interface Commands {
    /** The command's standard output, if it exists and ends in time with status 0. */
    Optional<String> run(Duration timeout, String... argv);
  }

  private volatile SystemInfo oshi;
  private final Clock clock;
  private final Path root;
  private final Commands commands;
  private final boolean windows;
  private final boolean superuser;
  private volatile HardwareAbstractionLayer hardware;

  /** This machine: files under {@code root}, commands as processes. */
  Platform(Clock clock, Path root) {
    this.clock = clock;
    this.root = root;
    this.commands = this::process;
    this.windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    this.superuser = windows || "root".equals(System.getProperty("user.name"));
  }

  /** Files under {@code root}, commands answered by {@code commands}, Windows or not and root or not as told. */
  Platform(Clock clock, Path root, Commands commands, boolean windows, boolean superuser) {
    this.clock = clock;
    this.root = root;
    this.commands = commands;
    this.windows = windows;
    this.superuser = superuser;
  }

  /** OSHI, made on first use: a Linux inventory reads the system's files itself and never loads it or JNA. */
  private synchronized SystemInfo oshi() {
    if (oshi == null) {
      NativeCache.prepare(); // before OSHI loads JNA
      oshi = new SystemInfo();
    }
    return oshi;
  }

  HardwareAbstractionLayer hardware() {
    if (hardware == null) {
      hardware = oshi().getHardware();
    }
    return hardware;
  }

  OperatingSystem os() {
    return oshi().getOperatingSystem();
  }

  /** Whether this is Linux (nor Windows nor macOS), where collectors read {@code /proc}, {@code /sys} and DMI. */
  boolean linux() {
    return !windows && !macos();
  }

  /** The host name the kernel knows ({@code /proc/sys/kernel/hostname}), else the JDK's. */
  String hostname() {
    return file("/proc/sys/kernel/hostname").orElseGet(() -> {
      try {
        return java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        return null;
      }
    });
  }

  private volatile Optional<String> canonical;

  /**
   * The host's canonical name as the resolver gives it ({@code hostname -f}): {@code /etc/hosts} first,
   * DNS after, given two seconds at most (the lookup runs on its own thread: the resolver cannot be
   * interrupted). Empty when the lookup fails or takes longer.
   */
  Optional<String> canonicalHostname() {
    if (canonical == null) {
      String host = hostname();
      java.util.concurrent.CompletableFuture<String> f = new java.util.concurrent.CompletableFuture<>();
      Thread.ofPlatform().daemon().name("inventory-hostname").start(() -> {
        try {
          f.complete(host == null ? null : java.net.InetAddress.getByName(host).getCanonicalHostName());
        } catch (java.io.IOException | RuntimeException e) {
          f.complete(null);
        }
      });
      try {
        canonical = Optional.ofNullable(f.get(2, java.util.concurrent.TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        canonical = Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return canonical;
  }

  /** A Linux {@code /proc/meminfo} value in bytes ({@code MemTotal}, {@code SwapTotal}); -1 when unknown. */
  long meminfo(String key) {
    long kib = file("/proc/meminfo").map(m -> LinuxFiles.meminfoKib(m, key)).orElse(-1L);
    return kib < 0 ? -1 : kib << 10;
  }

  /** Total and usable bytes of the file system mounted there, if it answers. */
  Optional<long[]> space(String mountPoint) {
    try {
      java.nio.file.FileStore fs = Files.getFileStore(root.resolve(mountPoint.startsWith("/") ? mountPoint.substring(1) : mountPoint));
      return Optional.of(new long[] {fs.getTotalSpace(), fs.getUsableSpace()});
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<List<Dmi.Structure>>> dmi =
      new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * The SMBIOS structures, read once for every collector that asks: one {@code dmidecode} run when root
   * (it needs {@code /dev/mem} or {@code /sys/firmware/dmi}), else what {@code /sys/class/dmi/id} shows.
   * Empty on Windows and macOS, and in containers that have neither.
   */
  List<Dmi.Structure> dmi() {
    java.util.concurrent.CompletableFuture<List<Dmi.Structure>> mine = new java.util.concurrent.CompletableFuture<>();
    if (dmi.compareAndSet(null, mine)) {
      try {
        mine.complete(readDmi());
      } catch (RuntimeException e) {
        mine.complete(List.of());
      }
    }
    return dmi.get().join();
  }

  private List<Dmi.Structure> readDmi() {
    if (!linux()) {
      return List.of();
    }
    if (superuser) {
      List<Dmi.Structure> all = command(Duration.ofSeconds(30), "dmidecode").map(Dmi::parse).orElse(List.of());
      if (Dmi.first(all, Dmi.SYSTEM).isPresent() || Dmi.first(all, Dmi.BIOS).isPresent()) {
        return all;
      }
    }
    return Dmi.fromSysfs(this::file);
  }

  /** The IPv4 default gateway: from {@code /proc/net/route} on Linux, from OSHI elsewhere; null if none. */
  String ipv4Gateway() {
    if (linux()) {
      return file("/proc/net/route").map(Subnets::defaultGateway).orElse(null);
    }
    String g = os().getNetworkParams().getIpv4DefaultGateway();
    return g == null || g.isBlank() ? null : g;
  }

  Clock clock() {
    return clock;
  }

  private volatile boolean scanHomedirs;
  private volatile boolean scanProfiles;

  /** Sets the configuration's {@code scan-homedirs} and {@code scan-profiles} for this run. */
  Platform scanning(boolean homedirs, boolean profiles) {
    this.scanHomedirs = homedirs;
    this.scanProfiles = profiles;
    return this;
  }

  /** {@code scan-homedirs}: look into users' home folders (their virtual machines). */
  boolean scanHomedirs() {
    return scanHomedirs;
  }

  /** {@code scan-profiles}: load the registry of users who are not logged on (their software). */
  boolean scanProfiles() {
    return scanProfiles;
  }

  /** Whether the agent runs as root (or an administrator), who may look at other users' things. */
  boolean superuser() {
    return superuser;
  }

  /** Whether this is macOS, where applications are listed by {@code system_profiler}. */
  boolean macos() {
    return !windows && System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac");
  }

  /** Whether this is Windows, where collectors read PowerShell and the registry instead of files. */
  boolean windows() {
    return windows;
  }

  /** What a PowerShell script prints, run without profile or prompt. */
  Optional<String> powershell(Duration timeout, String script) {
    return command(timeout, "powershell", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command", script);
  }

  /** A small system file's trimmed text (such as {@code /sys/class/dmi/id/chassis_type}), if readable. */
  Optional<String> file(String path) {
    Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
    try {
      if (Files.isReadable(p) && Files.size(p) < 1 << 20) {
        return Optional.of(Files.readString(p).strip()).filter(s -> !s.isEmpty());
      }
    } catch (IOException | RuntimeException e) {
      // not readable here: the caller goes without
    }
    return Optional.empty();
  }

  /**
   * A command's standard output, if the program exists and ends in time with status 0. Never through a shell;
   * {@code LC_ALL=C} so that output is parseable whatever the system's language.
   */
  Optional<String> command(Duration timeout, String... argv) {
    return commands.run(timeout, argv);
  }

  /** Several commands run at the same time, each under the time-out; their outputs in the same order. */
  List<Optional<String>> commandsAtOnce(Duration timeout, List<List<String>> argvs) throws InterruptedException {
    List<java.util.concurrent.CompletableFuture<Optional<String>>> running = new java.util.ArrayList<>();
    for (List<String> argv : argvs) {
      java.util.concurrent.CompletableFuture<Optional<String>> f = new java.util.concurrent.CompletableFuture<>();
      Thread.ofVirtual().name("inventory-command").start(() -> {
        try {
          f.complete(command(timeout, argv.toArray(String[]::new)));
        } catch (RuntimeException e) {
          f.complete(Optional.empty());
        }
      });
      running.add(f);
    }
    List<Optional<String>> out = new java.util.ArrayList<>();
    try {
      for (java.util.concurrent.CompletableFuture<Optional<String>> f : running) {
        out.add(f.get());
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e); // never: the futures are completed with a value
    }
    return out;
  }

  private Optional<String> process(Duration timeout, String... argv) {
    if (!onPath(argv[0])) {
      return Optional.empty();
    }
    Process p = null;
    try {
      ProcessBuilder b = new ProcessBuilder(argv).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD);
      b.environment().put("LC_ALL", "C");
      p = b.start();
      p.getOutputStream().close();
      Process proc = p;
      java.util.concurrent.CompletableFuture<byte[]> out =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
              return proc.getInputStream().readAllBytes();
            } catch (IOException e) {
              return new byte[0];
            }
          });
      if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(new String(out.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  private boolean onPath(String program) {
    if (program.contains("/") || program.contains("\\")) {
      return Files.isExecutable(Path.of(program));
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
    // Windows programs are found with their extension (reg.exe, powershell.exe)
    List<String> names = windows() ? List.of(program + ".exe", program + ".com", program) : List.of(program);
    String dirs = windows() ? path : path + ":/usr/sbin:/sbin";
    for (String dir : dirs.split(java.io.File.pathSeparator)) {
      for (String name : names) {
        try {
          if (!dir.isEmpty() && Files.isExecutable(Path.of(dir.strip(), name))) {
            return true;
          }
        } catch (java.nio.file.InvalidPathException e) {
          // a PATH entry that is not a path
        }
      }
    }
    return false;
  }

  /** The entries of a folder such as {@code /sys/bus/pci/devices}, sorted; empty if absent. */
  java.util.List<String> list(String path) {
    Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
    try (var s = Files.list(p)) {
      return s.map(x -> x.getFileName().toString()).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return java.util.List.of();
    }
  }

  /** A small binary file (such as an EDID), if readable. */
  Optional<byte[]> bytes(String path) {
    Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
    try {
      return Files.isReadable(p) && Files.size(p) < 1 << 20 ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The last {@code records} whole records of {@code size} bytes of a file (such as {@code /var/log/wtmp},
   * which grows for years), if readable.
   */
  Optional<byte[]> tail(String path, int size, int records) {
    Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
    try (java.nio.channels.FileChannel f = java.nio.channels.FileChannel.open(p)) {
      long length = f.size() - f.size() % size;
      long from = Math.max(0, length - (long) size * records);
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) (length - from));
      while (buf.hasRemaining() && f.read(buf, from + buf.position()) > 0) {
        // read until full or end of file
      }
      return Optional.of(java.util.Arrays.copyOf(buf.array(), buf.position()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A file's creation (birth) time, or its modification time where the file system keeps no birth time. */
  Optional<java.time.Instant> created(String path) {
    try {
      return Optional.of(Files.readAttributes(root.resolve(path.startsWith("/") ? path.substring(1) : path),
          java.nio.file.attribute.BasicFileAttributes.class).creationTime().toInstant());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A file's last modification time, if it exists. */
  Optional<java.time.Instant> modified(String path) {
    try {
      return Optional.of(Files.getLastModifiedTime(root.resolve(path.startsWith("/") ? path.substring(1) : path)).toInstant());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A data file of up to 16 MiB, such as {@code pci.ids}, if readable. */
  Optional<String> dataFile(String path) {
    Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
    try {
      if (Files.isReadable(p) && Files.size(p) < 16 << 20) {
        return Optional.of(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      // not readable here
    }
    return Optional.empty();
  }

  /**
   * What {@code reader} makes of a text file's lines, read one at a time (UTF-8, bad bytes replaced), for
   * files too big to hold whole such as {@code pci.ids}; empty if the file is not readable.
   */
  <T> Optional<T> lines(String path, java.util.function.Function<java.util.stream.Stream<String>, T> reader) {
    Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
    if (!Files.isReadable(p)) {
      return Optional.empty();
    }
    java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(p), utf8), 16384);
        java.util.stream.Stream<String> s = r.lines()) {
      return Optional.ofNullable(reader.apply(s));
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** Whether a path exists. */
  boolean exists(String path) {
    return Files.exists(root.resolve(path.startsWith("/") ? path.substring(1) : path));
  }

  /** The target of a symbolic link's last name, such as a network driver's name. */
  Optional<String> linkName(String path) {
    try {
      Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
      return Files.isSymbolicLink(p) ? Optional.of(Files.readSymbolicLink(p).getFileName().toString()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
