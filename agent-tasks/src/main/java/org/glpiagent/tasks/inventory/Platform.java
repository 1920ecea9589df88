package org.glpiagent.tasks.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/** What collectors read the machine through: OSHI, the clock and small system files. */
final class Platform {
  private final SystemInfo oshi = new SystemInfo();
  private final Clock clock;
  private final Path root;
  private volatile HardwareAbstractionLayer hardware;

  Platform(Clock clock, Path root) {
    this.clock = clock;
    this.root = root;
  }

  HardwareAbstractionLayer hardware() {
    if (hardware == null) {
      hardware = oshi.getHardware();
    }
    return hardware;
  }

  OperatingSystem os() {
    return oshi.getOperatingSystem();
  }

  Clock clock() {
    return clock;
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

  private static boolean onPath(String program) {
    if (program.contains("/")) {
      return Files.isExecutable(Path.of(program));
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
    for (String dir : (path + ":/usr/sbin:/sbin").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
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
